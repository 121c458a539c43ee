// Which XSched libraries are mapped into this process: the fingerprint says so
// and the suite decides validity from it (docs/protocol.md, "READY fingerprint").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xsp {

// Every distinct path in /proc/<pid>/maps text whose file name starts with
// libshim, libxsched, libpreempt or libhal, in the order first seen.
std::vector<std::string> findXschedLibraries(std::string_view mapsText);

// The text of /proc/self/maps; throws std::runtime_error naming the path and errno.
std::string readSelfMapsText();

}  // namespace xsp
