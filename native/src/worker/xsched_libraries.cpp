#include "worker/xsched_libraries.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xsp {
namespace {

const char* const kXschedPrefixes[] = {"libshim", "libxsched", "libpreempt", "libhal"};

// The pathname column: what follows the fifth whitespace-separated field
// (address perms offset dev inode); it may itself contain spaces.
std::string_view pathnameOf(std::string_view line) {
  size_t pos = 0;
  for (int field = 0; field < 5; ++field) {
    pos = line.find_first_not_of(' ', pos);
    if (pos == std::string_view::npos) return {};
    pos = line.find(' ', pos);
    if (pos == std::string_view::npos) return {};
  }
  pos = line.find_first_not_of(' ', pos);
  return pos == std::string_view::npos ? std::string_view() : line.substr(pos);
}

bool isXschedLibrary(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;  // [heap], [vdso], anonymous
  std::string_view name = path.substr(path.rfind('/') + 1);
  for (const char* prefix : kXschedPrefixes) {
    if (name.substr(0, std::strlen(prefix)) == prefix) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> findXschedLibraries(std::string_view mapsText) {
  std::vector<std::string> found;
  size_t start = 0;
  while (start < mapsText.size()) {
    size_t end = mapsText.find('\n', start);
    if (end == std::string_view::npos) end = mapsText.size();
    std::string_view path = pathnameOf(mapsText.substr(start, end - start));
    start = end + 1;
    if (!isXschedLibrary(path)) continue;
    std::string entry(path);
    bool seen = false;
    for (const auto& f : found) seen = seen || f == entry;
    if (!seen) found.push_back(entry);
  }
  return found;
}

std::string readSelfMapsText() {
  std::ifstream in("/proc/self/maps");
  if (!in) throw std::runtime_error(std::string("cannot read /proc/self/maps: ") + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace xsp
