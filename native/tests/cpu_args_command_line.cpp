// The worker's command line: defaults, every option, and each bad input's
// message and exit code (docs/protocol.md, "Invocation" and "Exit codes").
#include <string>
#include <vector>

#include "testing.hpp"
#include "worker/command_line.hpp"
#include "worker/exit_codes.hpp"

using namespace xsp;

namespace {

const std::vector<std::string> kHpMinimal = {"--role", "hp", "--model", "resnet18", "--result", "/tmp/r.json"};

std::vector<std::string> withArgs(std::vector<std::string> base, const std::vector<std::string>& extra) {
  base.insert(base.end(), extra.begin(), extra.end());
  return base;
}

// Expects parseCommandLine(args) to fail with exit code 2 and a message containing fragment.
void expectRejected(const char* file, int line, const std::vector<std::string>& args, const std::string& fragment) {
  std::string all;
  for (const auto& a : args) all += a + " ";
  try {
    parseCommandLine(args);
    testing::fail(file, line, "accepted: " + all);
  } catch (const WorkerError& e) {
    if (e.code() != ExitCode::BadCommandLine) testing::fail(file, line, "exit code " + std::to_string(exitStatus(e.code())) + " for: " + all);
    if (std::string(e.what()).find(fragment) == std::string::npos) {
      testing::fail(file, line, "message '" + std::string(e.what()) + "' lacks '" + fragment + "'");
    }
  }
}
// Variadic: a braced argument list contains commas.
#define EXPECT_REJECTED(...) expectRejected(__FILE__, __LINE__, __VA_ARGS__)

}  // namespace

TEST_CASE("an hp command with only the required options gets the protocol's defaults") {
  CommandLine cl = parseCommandLine(kHpMinimal);
  const WorkerOptions& o = cl.options;
  EXPECT_TRUE(cl.mode == WorkerMode::Run);
  EXPECT_TRUE(o.role == Role::Hp);
  EXPECT_TRUE(o.model == ModelKind::ResNet18);
  EXPECT_TRUE(o.resultPath == "/tmp/r.json");
  EXPECT_EQ(o.batch, 1);
  EXPECT_EQ(o.imageSize, 224);
  EXPECT_EQ(o.gpuIndex, 0);
  EXPECT_EQ(o.seed, 1u);
  EXPECT_EQ(o.durationMs, 10000);
  EXPECT_NEAR(o.rateHz, 10.0, 0);
  EXPECT_TRUE(o.arrival == Arrival::Uniform);
  EXPECT_TRUE(o.streamPriority == StreamPriorityKind::Default);
  EXPECT_EQ(o.warmupIterations, 5);
  EXPECT_EQ(o.injectDelayUs, 0);
  EXPECT_EQ(o.drainMs, 5000);
}

TEST_CASE("every option is read, in both --name value and --name=value forms") {
  CommandLine cl = parseCommandLine({"--role=lp", "--model", "resnet50", "--result=/r/lp.json", "--batch", "1024",
                                     "--image-size=128", "--gpu", "3", "--seed", "42", "--duration-ms", "180000",
                                     "--stream-priority", "low", "--warmup-iters", "2", "--drain-ms", "0"});
  const WorkerOptions& o = cl.options;
  EXPECT_TRUE(o.role == Role::Lp);
  EXPECT_TRUE(o.model == ModelKind::ResNet50);
  EXPECT_TRUE(o.resultPath == "/r/lp.json");
  EXPECT_EQ(o.batch, 1024);
  EXPECT_EQ(o.imageSize, 128);
  EXPECT_EQ(o.gpuIndex, 3);
  EXPECT_EQ(o.seed, 42u);
  EXPECT_EQ(o.durationMs, 180000);
  EXPECT_TRUE(o.streamPriority == StreamPriorityKind::Low);
  EXPECT_EQ(o.warmupIterations, 2);
  EXPECT_EQ(o.drainMs, 0);

  CommandLine hp = parseCommandLine(withArgs(kHpMinimal, {"--rate-hz", "20.5", "--arrival", "poisson",
                                                          "--inject-delay-us", "5000", "--stream-priority", "high"}));
  EXPECT_NEAR(hp.options.rateHz, 20.5, 0);
  EXPECT_TRUE(hp.options.arrival == Arrival::Poisson);
  EXPECT_EQ(hp.options.injectDelayUs, 5000);
  EXPECT_TRUE(hp.options.streamPriority == StreamPriorityKind::High);
}

TEST_CASE("--help, --version and --probe select their modes") {
  EXPECT_TRUE(parseCommandLine({"--help"}).mode == WorkerMode::Help);
  EXPECT_TRUE(parseCommandLine({"-h"}).mode == WorkerMode::Help);
  EXPECT_TRUE(parseCommandLine({"--version"}).mode == WorkerMode::Version);
  CommandLine probe = parseCommandLine({"--probe", "--gpu", "1", "--stream-priority", "high"});
  EXPECT_TRUE(probe.mode == WorkerMode::Probe);
  EXPECT_EQ(probe.options.gpuIndex, 1);
  EXPECT_TRUE(probe.options.role == Role::Hp);  // the probe's fingerprint says hp unless --role is given
  EXPECT_TRUE(workerUsageText().find("--inject-delay-us") != std::string::npos);
}

TEST_CASE("a bad model, batch or rate is exit 2 with the value quoted") {
  EXPECT_REJECTED(withArgs({"--role", "hp", "--result", "r"}, {"--model", "resnet34"}),
                  "--model 'resnet34' is not a known model: expected resnet18 or resnet50");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch", "0"}), "--batch '0' is out of range: expected an integer from 1 to 65536");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch", "-1"}), "--batch '-1' is not an integer from 1 to 65536");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch", "8x"}), "--batch '8x' is not an integer");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch", "99999999999999999999"}), "--batch '99999999999999999999' is out of range");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "0"}), "--rate-hz '0' is not a rate in Hz greater than 0");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "-5"}), "--rate-hz '-5' is not a rate");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "nan"}), "--rate-hz 'nan' is not a rate");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "inf"}), "--rate-hz 'inf' is not a rate");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "10hz"}), "--rate-hz '10hz' is not a rate");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", ""}), "--rate-hz '' is not a rate");
}

TEST_CASE("other bad values name the flag and what it accepts") {
  EXPECT_REJECTED({"--role", "mp", "--model", "resnet18", "--result", "r"}, "--role 'mp' is not hp or lp");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--arrival", "bursty"}), "--arrival 'bursty' is not uniform or poisson");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--stream-priority", "max"}), "--stream-priority 'max' is not default, high or low");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--image-size", "16"}), "--image-size '16' is out of range: expected an integer from 32 to 4096");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--warmup-iters", "0"}), "--warmup-iters '0' is out of range");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--duration-ms", "0"}), "--duration-ms '0' is out of range");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--seed", "9007199254740992"}), "--seed '9007199254740992' is out of range");
  EXPECT_REJECTED({"--role", "hp", "--model", "resnet18", "--result", ""}, "--result '' is empty");
  EXPECT_REJECTED({"--role", "hp", "--model", "resnet18", "--result", "/tmp/"}, "--result '/tmp/' names a directory");
}

TEST_CASE("unknown, repeated, value-less and positional arguments are exit 2") {
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--bogus", "1"}), "unknown option '--bogus'; see --help");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch"}), "--batch needs a value");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--batch", "1", "--batch", "2"}), "--batch given twice ('1' and '2')");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"extra"}), "unexpected argument 'extra'");
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--probe=yes"}), "--probe takes no value (got 'yes')");
}

TEST_CASE("required options and role-specific options are enforced") {
  EXPECT_REJECTED({"--model", "resnet18", "--result", "r"}, "--role is required (hp or lp)");
  EXPECT_REJECTED({"--role", "hp", "--result", "r"}, "--model is required");
  EXPECT_REJECTED({"--role", "hp", "--model", "resnet18"}, "--result is required");
  const std::vector<std::string> lp = {"--role", "lp", "--model", "resnet50", "--result", "r"};
  EXPECT_REJECTED(withArgs(lp, {"--rate-hz", "10"}), "--rate-hz applies to --role hp only (got it with --role lp)");
  EXPECT_REJECTED(withArgs(lp, {"--arrival", "uniform"}), "--arrival applies to --role hp only");
  EXPECT_REJECTED(withArgs(lp, {"--inject-delay-us", "10"}), "--inject-delay-us applies to --role hp only");
  EXPECT_REJECTED({"--probe", "--model", "resnet18"}, "--probe takes only --gpu, --role and --stream-priority (got --model)");
}

TEST_CASE("--cu-mask-percent is 1..100, off by default, and needs the default stream priority") {
  const std::vector<std::string> lp = {"--role", "lp", "--model", "resnet50", "--result", "r"};
  EXPECT_EQ(parseCommandLine(lp).options.cuMaskPercent, 0);
  EXPECT_EQ(parseCommandLine(withArgs(lp, {"--cu-mask-percent", "50"})).options.cuMaskPercent, 50);
  EXPECT_EQ(parseCommandLine(withArgs(lp, {"--cu-mask-percent=100", "--stream-priority", "default"})).options.cuMaskPercent, 100);
  EXPECT_REJECTED(withArgs(lp, {"--cu-mask-percent", "0"}), "--cu-mask-percent '0' is out of range: expected an integer from 1 to 100");
  EXPECT_REJECTED(withArgs(lp, {"--cu-mask-percent", "101"}), "--cu-mask-percent '101' is out of range");
  EXPECT_REJECTED(withArgs(lp, {"--cu-mask-percent", "50%"}), "--cu-mask-percent '50%' is not an integer");
  EXPECT_REJECTED(withArgs(lp, {"--cu-mask-percent", "50", "--stream-priority", "low"}),
                  "--cu-mask-percent 50 needs --stream-priority default (got low)");
  EXPECT_REJECTED({"--probe", "--cu-mask-percent", "50"}, "--probe takes only --gpu, --role and --stream-priority (got --cu-mask-percent)");
}

TEST_CASE("a schedule over 10 million requests is refused before anything is allocated") {
  // 100000 Hz x 200 s = 20,000,000 requests.
  EXPECT_REJECTED(withArgs(kHpMinimal, {"--rate-hz", "100000", "--duration-ms", "200000"}),
                  "--rate-hz 100000 over --duration-ms 200000 schedules about 20000000 requests, more than 10000000");
  // 100000 Hz x 100 s = exactly the limit: accepted.
  CommandLine ok = parseCommandLine(withArgs(kHpMinimal, {"--rate-hz", "100000", "--duration-ms", "100000"}));
  EXPECT_EQ(ok.options.durationMs, 100000);
}

XSP_TEST_MAIN()
