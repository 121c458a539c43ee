// JSON text: string escaping, the writer's commas and nesting, and the exact
// fingerprint and result documents of docs/protocol.md.
#include <cmath>
#include <stdexcept>
#include <string>

#include "testing.hpp"
#include "worker/fingerprint.hpp"
#include "worker/json_string.hpp"
#include "worker/json_writer.hpp"
#include "worker/worker_result.hpp"

using namespace xsp;

namespace {

void expectText(const char* file, int line, const std::string& actual, const std::string& expected) {
  if (actual != expected) testing::fail(file, line, "got\n    " + actual + "\n  expected\n    " + expected);
}
#define EXPECT_TEXT(actual, expected) expectText(__FILE__, __LINE__, actual, expected)

template <class F>
bool throwsLogicError(F f) {
  try {
    f();
  } catch (const std::logic_error&) {
    return true;
  }
  return false;
}

WorkerFingerprint sampleFingerprint() {
  WorkerFingerprint f;
  f.workerVersion = "0.1.0";
  f.pid = 4242;
  f.hostname = "gpu-host";
  f.role = Role::Hp;
  f.platform = "cuda";
  f.gpu = {0, "NVIDIA H100 80GB HBM3", "sm_90", "GPU-5f1d", "0000:19:00.0", 85045477376, 132};
  f.runtimeVersion = "13.0";
  f.driverVersion = "13.0";
  f.mps = {false, "cudaDevAttrMpsEnabled", std::nullopt};
  f.stream = {StreamPriorityKind::Default, 0, 0, -5};
  return f;
}

const std::string kSampleFingerprintJson =
    R"({"schemaVersion":1,"workerVersion":"0.1.0","pid":4242,"hostname":"gpu-host","role":"hp",)"
    R"("platform":"cuda","gpu":{"index":0,"name":"NVIDIA H100 80GB HBM3","arch":"sm_90",)"
    R"("uuid":"GPU-5f1d","pciBusId":"0000:19:00.0","memoryTotalBytes":85045477376,)"
    R"("multiprocessorCount":132},"runtimeVersion":"13.0","driverVersion":"13.0",)"
    R"("xschedLibraries":[],"mps":{"client":false,"source":"cudaDevAttrMpsEnabled","pipeDirectory":null},)"
    R"("stream":{"priority":"default","value":0,"leastPriority":0,"greatestPriority":-5},)"
    R"("clock":"CLOCK_MONOTONIC"})";

}  // namespace

TEST_CASE("strings escape quotes, backslashes and control characters") {
  EXPECT_TEXT(quoteJsonString("plain"), R"("plain")");
  EXPECT_TEXT(quoteJsonString(R"(say "hi" \ bye)"), R"("say \"hi\" \\ bye")");
  EXPECT_TEXT(quoteJsonString("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_TEXT(quoteJsonString(std::string("\x01\x1f", 2)), R"("\u0001\u001f")");
  EXPECT_TEXT(quoteJsonString(std::string("nul\0end", 7)), R"("nul\u0000end")");
  EXPECT_TEXT(quoteJsonString("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST_CASE("valid UTF-8 passes through; invalid bytes become U+FFFD") {
  EXPECT_TEXT(quoteJsonString("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  EXPECT_TEXT(quoteJsonString("bad \xff byte"), R"("bad \ufffd byte")");
  EXPECT_TEXT(quoteJsonString("cut \xc3"), R"("cut \ufffd")");                   // truncated sequence
  EXPECT_TEXT(quoteJsonString("\xc0\xaf"), R"("\ufffd\ufffd")");                  // overlong '/'
  EXPECT_TEXT(quoteJsonString("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");         // UTF-16 surrogate
}

TEST_CASE("the writer places commas and nests objects and arrays") {
  JsonWriter json;
  json.beginObject().key("a").integer(-3).key("b").beginArray().integer(1).boolean(true).null().string("x").endArray();
  json.key("c").beginObject().endObject().key("d").beginArray().beginArray().endArray().beginArray().integer(2).endArray().endArray();
  json.endObject();
  EXPECT_TEXT(json.text(), R"({"a":-3,"b":[1,true,null,"x"],"c":{},"d":[[],[2]]})");
}

TEST_CASE("numbers are the shortest round-trip text; non-finite numbers are null") {
  JsonWriter json;
  json.beginArray().number(2.41).number(10).number(0.1).number(1e21).number(NAN).number(INFINITY).endArray();
  EXPECT_TEXT(json.text(), "[2.41,10,0.1,1e+21,null,null]");
  JsonWriter big;
  big.beginArray().integer(9007199254740991).integer(-1).endArray();
  EXPECT_TEXT(big.text(), "[9007199254740991,-1]");
}

TEST_CASE("misuse of the writer throws instead of writing bad JSON") {
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.beginObject().integer(1); }));          // value without key
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.beginArray().key("k"); }));            // key in an array
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.beginObject().key("a").key("b"); }));  // two keys
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.beginObject().endArray(); }));         // mismatched end
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.beginObject(); (void)j.text(); }));    // unclosed
  EXPECT_TRUE(throwsLogicError([] { JsonWriter j; j.integer(1).integer(2); }));            // two documents
}

TEST_CASE("the fingerprint is exactly the protocol's READY document") {
  EXPECT_TEXT(renderFingerprintJson(sampleFingerprint()), kSampleFingerprintJson);
  WorkerFingerprint amd = sampleFingerprint();
  amd.platform = "hip-amd";
  amd.xschedLibraries = {"/opt/xsched/lib/libshimhip.so", "/opt/xsched/lib/libpreempt.so"};
  amd.mps = {std::nullopt, "not available on hip-amd", std::nullopt};
  amd.stream = {StreamPriorityKind::High, -1, 0, -1};
  std::string text = renderFingerprintJson(amd);
  EXPECT_TRUE(text.find(R"("xschedLibraries":["/opt/xsched/lib/libshimhip.so","/opt/xsched/lib/libpreempt.so"])") != std::string::npos);
  EXPECT_TRUE(text.find(R"("mps":{"client":null,"source":"not available on hip-amd","pipeDirectory":null})") != std::string::npos);
  EXPECT_TRUE(text.find(R"("stream":{"priority":"high","value":-1,"leastPriority":0,"greatestPriority":-1})") != std::string::npos);
}

TEST_CASE("a CU-masked worker's fingerprint adds cuMask after stream; others have none") {
  EXPECT_TRUE(kSampleFingerprintJson.find("cuMask") == std::string::npos);
  WorkerFingerprint lp = sampleFingerprint();
  lp.cuMask = CuMaskObservation{50, 104, "0xffffffff,0x000fffff,0x00000000,0x00000000", "0xffffffff,0x000fffff,0x00000000,0x00000000"};
  EXPECT_TRUE(renderFingerprintJson(lp).find(
                  R"("greatestPriority":-5},"cuMask":{"requestedPercent":50,"cuCount":104,)"
                  R"("maskHex":"0xffffffff,0x000fffff,0x00000000,0x00000000","readBackHex":"0xffffffff,0x000fffff,0x00000000,0x00000000"},)"
                  R"("clock":"CLOCK_MONOTONIC"})") != std::string::npos);
}

TEST_CASE("an hp result is exactly the protocol's result document") {
  WorkerRunRecord r;
  r.options.role = Role::Hp;
  r.options.durationMs = 60000;
  r.options.resultPath = "/tmp/hp.json";
  r.fingerprint = sampleFingerprint();
  r.startNs = 123456789000000;
  r.endNs = 123516789000000;
  r.requests = {{0, 41200, 2398000}, {100000000, 100012000, 102377000}};
  r.warmup = {5, 2.41};
  EXPECT_TEXT(renderWorkerResultJson(r),
              R"({"schema":"xsched-perf.worker-result","schemaVersion":1,)"
              R"("options":{"role":"hp","model":"resnet18","batch":1,"imageSize":224,"gpuIndex":0,"seed":1,)"
              R"("durationMs":60000,"streamPriority":"default","rateHz":10,"arrival":"uniform",)"
              R"("warmupIterations":5,"injectDelayUs":0},)"
              R"("fingerprint":)" + kSampleFingerprintJson + "," +
              R"("startNs":"123456789000000","endNs":"123516789000000","partial":false,"partialReason":null,)"
              R"("requests":[[0,41200,2398000],[100000000,100012000,102377000]],"unstartedRequests":0,)"
              R"("warmup":{"iterations":5,"meanMs":2.41}})");
}

TEST_CASE("an lp result has iterations, no hp fields, and says why it is partial") {
  WorkerRunRecord r;
  r.options.role = Role::Lp;
  r.options.model = ModelKind::ResNet50;
  r.options.batch = 8;
  r.fingerprint = sampleFingerprint();
  r.fingerprint.role = Role::Lp;
  r.startNs = 5;
  r.endNs = 10;
  r.partial = true;
  r.partialReason = "SIGTERM received";
  r.iterations = {{0, 6000000}, {6000100, 12000000}};
  r.warmup = {3, 6.5};
  std::string text = renderWorkerResultJson(r);
  EXPECT_TRUE(text.find(R"("options":{"role":"lp","model":"resnet50","batch":8,)") != std::string::npos);
  EXPECT_TRUE(text.find(R"("partial":true,"partialReason":"SIGTERM received","iterations":[[0,6000000],[6000100,12000000]],"warmup")") != std::string::npos);
  EXPECT_TRUE(text.find("rateHz") == std::string::npos);
  EXPECT_TRUE(text.find("arrival") == std::string::npos);
  EXPECT_TRUE(text.find("requests") == std::string::npos);
}

XSP_TEST_MAIN()
