// config/json_fields.h
//
// Reading the fields of a config.json object: each field checked for its
// type and range, and every problem one line naming the field, as
// "config.json: text_config.num_key_value_heads must be positive, got -1".
//
// Worked example: Fields(json, "text_config.").RequiredUint("head_dim") is
// the positive integer under "head_dim", or a ConfigError
// "config.json: text_config.head_dim is missing".

#ifndef CONFIG_JSON_FIELDS_H_
#define CONFIG_JSON_FIELDS_H_

#include <cstdint>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "nlohmann/json.hpp"

namespace kvtables::config::internal {

using Json = nlohmann::json;

// ConfigError carries one line naming what is wrong with the file.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[noreturn]] inline void Fail(const std::string& message) {
  throw ConfigError("config.json: " + message);
}

// OneLine() keeps a message on one line.
inline std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text;
}

// Brief() is a JSON value as a short string, for an error message. Lists
// and objects are only named: printing them recurses as deep as they nest,
// and a file nested a million levels deep overflowed the stack (a crash
// kept as a regression test in config/hf_config_test.cc).
inline std::string Brief(const Json& value) {
  if (value.is_array()) {
    return value.empty() ? "[]" : "a list of " + std::to_string(value.size());
  }
  if (value.is_object()) return value.empty() ? "{}" : "an object";
  std::string text = value.dump(-1, ' ', true, Json::error_handler_t::replace);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

// Fields reads keys of one JSON object, naming them with a prefix
// ("text_config.") in errors. A key holding null counts as absent.
class Fields {
 public:
  Fields(const Json& object, std::string prefix)
      : object_(object), prefix_(std::move(prefix)) {}

  std::string Name(std::string_view key) const {
    return prefix_ + std::string(key);
  }

  const Json* Find(std::string_view key) const {
    const auto it = object_.find(std::string(key));
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  bool Has(std::string_view key) const { return Find(key) != nullptr; }

  // OptionalUint() is a positive integer field, or nullopt when absent.
  std::optional<std::uint64_t> OptionalUint(
      std::string_view key,
      std::uint64_t max = std::numeric_limits<std::uint32_t>::max()) const {
    const Json* value = Find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_integer()) {
      Fail(Name(key) + " must be a positive integer, got " + Brief(*value));
    }
    if (value->is_number_unsigned()) {
      const std::uint64_t v = value->get<std::uint64_t>();
      if (v == 0) Fail(Name(key) + " must be positive, got 0");
      if (v > max) Fail(Name(key) + " is too large: " + std::to_string(v));
      return v;
    }
    const std::int64_t v = value->get<std::int64_t>();
    if (v <= 0) Fail(Name(key) + " must be positive, got " + std::to_string(v));
    if (static_cast<std::uint64_t>(v) > max) {
      Fail(Name(key) + " is too large: " + std::to_string(v));
    }
    return static_cast<std::uint64_t>(v);
  }

  // OptionalCount() is a non-negative integer field, or nullopt when
  // absent or zero.
  std::optional<std::uint64_t> OptionalCount(std::string_view key) const {
    const Json* value = Find(key);
    if (value != nullptr && value->is_number_integer() && *value == 0) {
      return std::nullopt;
    }
    return OptionalUint(key);
  }

  std::uint64_t RequiredUint(
      std::string_view key,
      std::uint64_t max = std::numeric_limits<std::uint32_t>::max()) const {
    const auto v = OptionalUint(key, max);
    if (!v) Fail(Name(key) + " is missing");
    return *v;
  }

  std::optional<bool> OptionalBool(std::string_view key) const {
    const Json* value = Find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_boolean()) {
      Fail(Name(key) + " must be true or false, got " + Brief(*value));
    }
    return value->get<bool>();
  }

  std::optional<std::string> OptionalString(std::string_view key) const {
    const Json* value = Find(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) {
      Fail(Name(key) + " must be a string, got " + Brief(*value));
    }
    return value->get<std::string>();
  }

 private:
  const Json& object_;
  std::string prefix_;
};

}  // namespace kvtables::config::internal

#endif  // CONFIG_JSON_FIELDS_H_
