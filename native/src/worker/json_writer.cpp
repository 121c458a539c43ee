#include "worker/json_writer.hpp"

#include "worker/json_string.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace xsp {
void JsonWriter::beforeValue() {
  if (done_) throw std::logic_error("JsonWriter: a value after the document ended");
  if (!scopes_.empty() && scopes_.back() == Scope::Object) {
    if (!keyPending_) throw std::logic_error("JsonWriter: a value inside an object needs a key first");
    keyPending_ = false;
    return;
  }
  if (!scopes_.empty()) {
    if (scopeHasItems_.back()) out_ += ',';
    scopeHasItems_.back() = true;
  }
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (scopes_.empty() || scopes_.back() != Scope::Object || keyPending_) {
    throw std::logic_error("JsonWriter: key \"" + std::string(name) + "\" outside an object or after another key");
  }
  if (scopeHasItems_.back()) out_ += ',';
  scopeHasItems_.back() = true;
  out_ += quoteJsonString(name);
  out_ += ':';
  keyPending_ = true;
  return *this;
}

JsonWriter& JsonWriter::beginObject() {
  beforeValue();
  out_ += '{';
  scopes_.push_back(Scope::Object);
  scopeHasItems_.push_back(false);
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  beforeValue();
  out_ += '[';
  scopes_.push_back(Scope::Array);
  scopeHasItems_.push_back(false);
  return *this;
}

void JsonWriter::endScope(Scope scope, char close) {
  if (scopes_.empty() || scopes_.back() != scope || keyPending_) {
    throw std::logic_error(std::string("JsonWriter: '") + close + "' does not close the open scope");
  }
  scopes_.pop_back();
  scopeHasItems_.pop_back();
  out_ += close;
  if (scopes_.empty()) done_ = true;
}

JsonWriter& JsonWriter::endObject() {
  endScope(Scope::Object, '}');
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  endScope(Scope::Array, ']');
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  beforeValue();
  out_ += quoteJsonString(text);
  if (scopes_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::integer(int64_t value) {
  beforeValue();
  out_ += std::to_string(value);
  if (scopes_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::number(double value) {
  if (!std::isfinite(value)) return null();
  beforeValue();
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, ec == std::errc() ? end : buffer);
  if (scopes_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  beforeValue();
  out_ += value ? "true" : "false";
  if (scopes_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::null() {
  beforeValue();
  out_ += "null";
  if (scopes_.empty()) done_ = true;
  return *this;
}

const std::string& JsonWriter::text() const {
  if (!scopes_.empty()) throw std::logic_error("JsonWriter: text() with an object or array still open");
  return out_;
}

}  // namespace xsp
