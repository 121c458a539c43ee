// TEST DOUBLE of nvidia-cuda-mps-control. It keeps the real program's outward shape and
// touches no GPU:
//   fake-mps-control -d   starts a background daemon listening on
//                         $CUDA_MPS_PIPE_DIRECTORY/control and logging to
//                         $CUDA_MPS_LOG_DIRECTORY/control.log, then returns
//   fake-mps-control      reads commands on stdin and sends them to the daemon;
//                         `quit` stops it.
// Side channel for tests (the real daemon has no such command):
//   __double_client <pid> logs what the real daemon and server log when a CUDA
//                         process connects (documented control.log/server.log lines).
// Unlike the real one it refuses to run without both directories set, so a test can
// never touch /tmp/nvidia-mps or /var/log/nvidia-mps.
// Compiled (test/doubles/compiled.ts) because the unit tests start it about 25 times a run.
// The daemon is a fork of the starter, so its command line stays `<this binary> -d`,
// which is what the suite looks for (perf/lib/run/sharing/mps-daemon.ts: "mps-control").

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string logDir, socketPath;

[[noreturn]] void failCall(const char* call, const std::string& what) {
  std::fprintf(stderr, "fake-mps-control: %s %s: %s\n", call, what.c_str(), std::strerror(errno));
  std::exit(1);
}

// Writes all of `text`, or reports the failing call; false when the peer is gone.
bool writeAll(int fd, const std::string& text, bool isSocket) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = isSocket ? send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL)
                         : write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && isSocket && (errno == EPIPE || errno == ECONNRESET)) return false;
    if (n < 0) failCall(isSocket ? "send" : "write", "");
    done += static_cast<size_t>(n);
  }
  return true;
}

sockaddr_un socketAddress() {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (socketPath.size() >= sizeof address.sun_path) {
    errno = ENAMETOOLONG;
    failCall("socket path", socketPath);
  }
  std::memcpy(address.sun_path, socketPath.c_str(), socketPath.size() + 1);
  return address;
}

// A connected socket to the daemon, or -1 when none answers (no socket file, or a stale one).
int connectToDaemon() {
  sockaddr_un address = socketAddress();
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) failCall("socket", "AF_UNIX");
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
  close(fd);
  return -1;
}

// `[2025-01-31 12:00:00.123 Control 42]`: UTC with milliseconds, as Date.toISOString gives.
std::string stamp(const char* kind, long pid) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  tm utc{};
  gmtime_r(&now.tv_sec, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "[%04d-%02d-%02d %02d:%02d:%02d.%03ld %s %ld]", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, now.tv_nsec / 1000000, kind, pid);
  return text;
}

void appendLine(const std::string& file, const std::string& line) {
  std::string path = logDir + "/" + file;
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  if (fd < 0) failCall("open", path);
  writeAll(fd, line + "\n", false);
  close(fd);
}

struct Daemon {
  long pid = getpid();
  long fakeServerPid = pid + 1;  // a double: there is no real MPS server process
  bool serverStarted = false;
  int listener = -1;

  // Runs one command line; `quit` ends the process.
  void run(int client, const std::string& line) {
    std::istringstream words(line);
    std::string verb, arg;
    words >> verb >> arg;
    if (verb.empty()) return;
    if (arg.empty()) arg = "undefined";  // a missing pid, logged as the earlier Node double logged it
    std::string uid = std::to_string(getuid());
    auto control = [this](const std::string& text) { appendLine("control.log", stamp("Control", pid) + " " + text); };
    if (verb == "quit") {
      control("quit");
      // The connections close as the process exits, so a client's end of file means it is gone.
      if (unlink(socketPath.c_str()) != 0 && errno != ENOENT) failCall("unlink", socketPath);
      std::exit(0);
    } else if (verb == "__double_client") {
      if (!serverStarted) {
        control("Starting new server " + std::to_string(fakeServerPid) + " for user " + uid);
        control("NEW SERVER " + std::to_string(fakeServerPid) + ": Ready");
        serverStarted = true;
      }
      control("NEW CLIENT " + arg + " from user " + uid + ": Server already exists");
      appendLine("server.log", stamp("Server", fakeServerPid) + " New client " + arg + " connected");
      writeAll(client, "ok\n", true);
    } else {
      writeAll(client, "unknown command " + verb + " (double)\n", true);
    }
  }

  // Serves connections until `quit`; each one's commands are its newline-separated lines, and
  // the connection is closed when the client has sent all of them (its end of file).
  [[noreturn]] void serve() {
    std::map<int, std::string> pending;
    for (;;) {
      std::vector<pollfd> fds{{listener, POLLIN, 0}};
      for (const auto& entry : pending) fds.push_back({entry.first, POLLIN, 0});
      if (poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        failCall("poll", "");
      }
      if (fds[0].revents & POLLIN) {
        int client = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client >= 0) pending[client];
        else if (errno != EINTR && errno != ECONNABORTED) failCall("accept4", socketPath);
      }
      for (size_t i = 1; i < fds.size(); i++) {
        if (fds[i].revents == 0) continue;
        int client = fds[i].fd;
        std::string& buffer = pending[client];
        char chunk[4096];
        ssize_t n = read(client, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        buffer.append(chunk, n > 0 ? static_cast<size_t>(n) : 0);
        for (size_t end; (end = buffer.find('\n')) != std::string::npos; buffer.erase(0, end + 1)) run(client, buffer.substr(0, end));
        if (n <= 0) {  // end of file (or a reset): the last line may lack its newline
          run(client, buffer);
          close(client);
          pending.erase(client);
        }
      }
    }
  }
};

// The forked daemon: its own session, stdio on /dev/null, so it outlives the starter and
// whatever started it. Bind errors still reach the starter's stderr; `ready` says it listens.
[[noreturn]] void becomeDaemon(int ready) {
  if (setsid() < 0) failCall("setsid", "");
  Daemon daemon;
  sockaddr_un address = socketAddress();
  daemon.listener = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (daemon.listener < 0) failCall("socket", "AF_UNIX");
  if (bind(daemon.listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) failCall("bind", socketPath);
  if (listen(daemon.listener, 511) != 0) failCall("listen", socketPath);
  int null = open("/dev/null", O_RDWR);
  if (null < 0) failCall("open", "/dev/null");
  for (int fd = 0; fd <= 2; fd++)
    if (dup2(null, fd) < 0) failCall("dup2", "/dev/null");
  close(null);
  writeAll(ready, "r", false);
  close(ready);
  daemon.serve();
}

int startDaemon() {
  int running = connectToDaemon();
  if (running >= 0) {
    close(running);
    std::printf("An instance of this daemon is already running\n");
    return 1;
  }
  int ready[2];
  if (pipe2(ready, O_CLOEXEC) != 0) failCall("pipe2", "");
  pid_t child = fork();
  if (child < 0) failCall("fork", "");
  if (child == 0) {
    close(ready[0]);
    becomeDaemon(ready[1]);
  }
  close(ready[1]);
  // Up to 5 s for the socket, as the real program waits for its daemon; end of file means
  // the daemon failed (it said why on stderr).
  pollfd wait{ready[0], POLLIN, 0};
  timespec start{}, now{};
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int left = 5000; left > 0;) {
    int n = poll(&wait, 1, left);
    if (n < 0 && errno != EINTR) failCall("poll", "");
    if (n > 0) {
      char byte;
      return read(ready[0], &byte, 1) == 1 ? 0 : 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &now);
    left = 5000 - static_cast<int>((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
  }
  return 1;
}

// Sends all of stdin, then copies the daemon's replies to stdout until it closes the connection.
// Replies are read while the input is sent, so a long input cannot fill both directions.
int sendCommands() {
  int daemon = connectToDaemon();
  if (daemon < 0) {
    std::printf("Cannot find MPS control daemon process\n");
    return 1;
  }
  std::string input;
  char chunk[4096];
  for (ssize_t n; (n = read(STDIN_FILENO, chunk, sizeof chunk)) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) failCall("read", "stdin");
    input.append(chunk, static_cast<size_t>(n));
  }
  size_t sent = 0;
  bool writing = true;  // until all of the input is sent and our side shut
  for (;;) {
    pollfd fd{daemon, static_cast<short>(POLLIN | (writing ? POLLOUT : 0)), 0};
    if (poll(&fd, 1, -1) < 0) {
      if (errno == EINTR) continue;
      failCall("poll", "");
    }
    if (fd.revents & (POLLIN | POLLHUP | POLLERR)) {
      ssize_t n = read(daemon, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0 || (n < 0 && errno == ECONNRESET)) return 0;
      if (n < 0) failCall("read", socketPath);
      writeAll(STDOUT_FILENO, std::string(chunk, static_cast<size_t>(n)), false);
    } else if (writing && (fd.revents & POLLOUT)) {
      if (sent < input.size()) {
        ssize_t n = send(daemon, input.data() + sent, input.size() - sent, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0 && errno != EPIPE) failCall("send", socketPath);
        sent = n < 0 ? input.size() : sent + static_cast<size_t>(n);  // EPIPE: the daemon quit
      }
      if (sent == input.size()) {
        writing = false;
        if (shutdown(daemon, SHUT_WR) != 0 && errno != ENOTCONN) failCall("shutdown", socketPath);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const char* pipe = std::getenv("CUDA_MPS_PIPE_DIRECTORY");
  const char* log = std::getenv("CUDA_MPS_LOG_DIRECTORY");
  if (pipe == nullptr || *pipe == '\0' || log == nullptr || *log == '\0') {
    std::fprintf(stderr, "fake-mps-control: CUDA_MPS_PIPE_DIRECTORY and CUDA_MPS_LOG_DIRECTORY must both be set (double)\n");
    return 1;
  }
  logDir = log;
  socketPath = std::string(pipe) + "/control";
  signal(SIGPIPE, SIG_IGN);
  if (argc > 1 && std::strcmp(argv[1], "-d") == 0) return startDaemon();
  return sendCommands();
}
