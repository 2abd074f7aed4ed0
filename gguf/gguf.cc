#include "gguf/gguf.h"

#include <bit>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "fileio/input_file.h"
#include "fileio/output_file.h"

namespace gguf {
namespace {

constexpr std::uint32_t kDefaultAlignment = 32;
// Bounds on what a header may claim, so that a hostile count fails with an
// error instead of an allocation of 2^60 entries.
constexpr std::uint64_t kMaxCount = std::uint64_t{1} << 24;
constexpr std::uint64_t kMaxString = std::uint64_t{1} << 24;
constexpr std::uint32_t kMaxDims = 4;

struct TypeSize {
  std::uint64_t block_elements;
  std::uint64_t block_bytes;
};

// SizeOf() is a type's block: values and bytes (ggml's type traits in
// ggml/src/ggml.c; the same as gguf-py's GGML_QUANT_SIZES).
bool SizeOf(GgmlType t, TypeSize& out) {
  switch (t) {
    case GgmlType::kF32: case GgmlType::kI32: out = {1, 4}; return true;
    case GgmlType::kF16: case GgmlType::kBF16: case GgmlType::kI16: out = {1, 2}; return true;
    case GgmlType::kI8: out = {1, 1}; return true;
    case GgmlType::kI64: case GgmlType::kF64: out = {1, 8}; return true;
    case GgmlType::kQ4_0: case GgmlType::kIq4Nl: out = {32, 18}; return true;
    case GgmlType::kQ4_1: out = {32, 20}; return true;
    case GgmlType::kQ5_0: out = {32, 22}; return true;
    case GgmlType::kQ5_1: out = {32, 24}; return true;
    case GgmlType::kQ8_0: out = {32, 34}; return true;
    case GgmlType::kQ8_1: out = {32, 36}; return true;
    case GgmlType::kMxfp4: out = {32, 17}; return true;
    case GgmlType::kQ2_K: out = {256, 84}; return true;
    case GgmlType::kQ3_K: case GgmlType::kIq3S: out = {256, 110}; return true;
    case GgmlType::kQ4_K: out = {256, 144}; return true;
    case GgmlType::kQ5_K: out = {256, 176}; return true;
    case GgmlType::kQ6_K: out = {256, 210}; return true;
    case GgmlType::kQ8_K: out = {256, 292}; return true;
    case GgmlType::kIq2Xxs: case GgmlType::kTq2_0: out = {256, 66}; return true;
    case GgmlType::kIq2Xs: out = {256, 74}; return true;
    case GgmlType::kIq2S: out = {256, 82}; return true;
    case GgmlType::kIq3Xxs: out = {256, 98}; return true;
    case GgmlType::kIq1S: out = {256, 50}; return true;
    case GgmlType::kIq1M: out = {256, 56}; return true;
    case GgmlType::kIq4Xs: out = {256, 136}; return true;
    case GgmlType::kTq1_0: out = {256, 54}; return true;
  }
  return false;
}

// ScalarBytes() is the size of one scalar of `t` (0 for strings, arrays).
std::uint64_t ScalarBytes(ValueType t) {
  switch (t) {
    case ValueType::kU8: case ValueType::kI8: case ValueType::kBool: return 1;
    case ValueType::kU16: case ValueType::kI16: return 2;
    case ValueType::kU32: case ValueType::kI32: case ValueType::kF32: return 4;
    case ValueType::kU64: case ValueType::kI64: case ValueType::kF64: return 8;
    case ValueType::kString: case ValueType::kArray: return 0;
  }
  return 0;
}

bool KnownType(std::uint32_t t) { return t <= 12; }

// Error() is an invalid-input status whose message is one printable line:
// names and keys read from the file may hold any bytes, so control and
// non-ASCII bytes are escaped (\n, \x1b, ...).
absl::Status Error(const std::string& message) {
  return absl::InvalidArgumentError(absl::CHexEscape(message));
}

void PutInt(std::string& out, std::uint64_t v, std::uint64_t bytes) {
  for (std::uint64_t i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
}

void PutString(std::string& out, std::string_view s) {
  PutInt(out, s.size(), 8);
  out.append(s);
}

void PutValue(std::string& out, const Value& v) {
  PutInt(out, static_cast<std::uint32_t>(v.type), 4);
  const bool array = v.type == ValueType::kArray;
  const ValueType element = array ? v.element_type : v.type;
  if (array) {
    PutInt(out, static_cast<std::uint32_t>(element), 4);
    PutInt(out, element == ValueType::kString ? v.strings.size()
                                              : v.numbers.size(), 8);
  }
  for (const std::string& s : v.strings) PutString(out, s);
  for (std::uint64_t n : v.numbers) PutInt(out, n, ScalarBytes(element));
}

std::uint64_t AlignUp(std::uint64_t n, std::uint64_t a) {
  return (n + a - 1) / a * a;
}

Value Numbers(ValueType element, std::vector<std::uint64_t> numbers) {
  Value v;
  v.type = ValueType::kArray;
  v.element_type = element;
  v.numbers = std::move(numbers);
  return v;
}

Value Scalar(ValueType t, std::uint64_t bits) {
  Value v;
  v.type = t;
  v.numbers = {bits};
  return v;
}

// Reader is a bounded little-endian reader over a stream.
class Reader {
 public:
  explicit Reader(std::istream& in) : in_(in) {}

  absl::Status Int(std::uint64_t bytes, std::uint64_t& out, const std::string& what) {
    unsigned char buf[8] = {};
    if (!in_.read(reinterpret_cast<char*>(buf), static_cast<std::streamsize>(bytes))) {
      return Error(absl::StrCat("gguf: file ends inside ", what));
    }
    out = 0;
    for (std::uint64_t i = 0; i < bytes; ++i) out |= std::uint64_t{buf[i]} << (8 * i);
    return absl::OkStatus();
  }

  absl::Status String(std::string& out, const std::string& what) {
    std::uint64_t n = 0;
    if (absl::Status s = Int(8, n, what); !s.ok()) return s;
    if (n > kMaxString) {
      return Error(absl::StrCat("gguf: ", what, " is ", n, " bytes long"));
    }
    out.resize(n);
    if (!in_.read(out.data(), static_cast<std::streamsize>(n))) {
      return Error(absl::StrCat("gguf: file ends inside ", what));
    }
    return absl::OkStatus();
  }

  absl::Status Type(std::uint32_t& out, const std::string& what) {
    std::uint64_t t = 0;
    if (absl::Status s = Int(4, t, what); !s.ok()) return s;
    if (!KnownType(static_cast<std::uint32_t>(t))) {
      return Error(absl::StrCat("gguf: ", what, " has unknown value type ", t));
    }
    out = static_cast<std::uint32_t>(t);
    return absl::OkStatus();
  }

  absl::Status Elements(ValueType element, std::uint64_t count, Value& v,
                        const std::string& key) {
    for (std::uint64_t i = 0; i < count; ++i) {
      if (element == ValueType::kString) {
        v.strings.emplace_back();
        if (absl::Status s = String(v.strings.back(), key); !s.ok()) return s;
      } else {
        std::uint64_t n = 0;
        if (absl::Status s = Int(ScalarBytes(element), n, key); !s.ok()) return s;
        v.numbers.push_back(n);
      }
    }
    return absl::OkStatus();
  }

  absl::StatusOr<Value> ReadValue(const std::string& key) {
    Value v;
    std::uint32_t t = 0;
    if (absl::Status s = Type(t, key); !s.ok()) return s;
    v.type = static_cast<ValueType>(t);
    if (v.type != ValueType::kArray) {
      if (absl::Status s = Elements(v.type, 1, v, key); !s.ok()) return s;
      return v;
    }
    if (absl::Status s = Type(t, key); !s.ok()) return s;
    v.element_type = static_cast<ValueType>(t);
    if (v.element_type == ValueType::kArray) {
      return Error(absl::StrCat("gguf: ", key, " is an array of arrays"));
    }
    std::uint64_t count = 0;
    if (absl::Status s = Int(8, count, key); !s.ok()) return s;
    if (count > kMaxCount) {
      return Error(absl::StrCat("gguf: ", key, " claims ", count, " elements"));
    }
    if (absl::Status s = Elements(v.element_type, count, v, key); !s.ok()) return s;
    return v;
  }

  absl::StatusOr<TensorInfo> ReadTensor(std::uint64_t index) {
    TensorInfo t;
    const std::string what = absl::StrCat("tensor info ", index);
    if (absl::Status s = String(t.name, what); !s.ok()) return s;
    std::uint64_t n_dims = 0, type = 0;
    if (absl::Status s = Int(4, n_dims, what); !s.ok()) return s;
    if (n_dims == 0 || n_dims > kMaxDims) {
      return Error(absl::StrCat("gguf: tensor ", t.name, " has ", n_dims, " dimensions"));
    }
    t.dims.resize(n_dims);
    for (std::uint64_t& d : t.dims) {
      if (absl::Status s = Int(8, d, what); !s.ok()) return s;
    }
    if (absl::Status s = Int(4, type, what); !s.ok()) return s;
    t.type = static_cast<GgmlType>(type);
    if (absl::Status s = Int(8, t.offset, what); !s.ok()) return s;
    return t;
  }

 private:
  std::istream& in_;
};

}  // namespace

Value Value::U32(std::uint32_t v) { return Scalar(ValueType::kU32, v); }
Value Value::I32(std::int32_t v) {
  return Scalar(ValueType::kI32, static_cast<std::uint32_t>(v));
}
Value Value::U64(std::uint64_t v) { return Scalar(ValueType::kU64, v); }
Value Value::F32(float v) {
  return Scalar(ValueType::kF32, std::bit_cast<std::uint32_t>(v));
}
Value Value::Bool(bool v) { return Scalar(ValueType::kBool, v ? 1 : 0); }
Value Value::String(std::string v) {
  Value out;
  out.type = ValueType::kString;
  out.strings = {std::move(v)};
  return out;
}
Value Value::StringArray(std::vector<std::string> v) {
  Value out;
  out.type = ValueType::kArray;
  out.element_type = ValueType::kString;
  out.strings = std::move(v);
  return out;
}
Value Value::I32Array(const std::vector<std::int32_t>& v) {
  std::vector<std::uint64_t> bits;
  for (std::int32_t x : v) bits.push_back(static_cast<std::uint32_t>(x));
  return Numbers(ValueType::kI32, std::move(bits));
}
Value Value::U32Array(const std::vector<std::uint32_t>& v) {
  return Numbers(ValueType::kU32, {v.begin(), v.end()});
}
Value Value::F32Array(const std::vector<float>& v) {
  std::vector<std::uint64_t> bits;
  for (float x : v) bits.push_back(std::bit_cast<std::uint32_t>(x));
  return Numbers(ValueType::kF32, std::move(bits));
}

std::uint32_t File::Alignment() const {
  const Value* v = Find("general.alignment");
  if (v == nullptr || v->type != ValueType::kU32) return kDefaultAlignment;
  return static_cast<std::uint32_t>(v->numbers[0]);
}

const Value* File::Find(std::string_view key) const {
  for (const auto& [k, v] : metadata) {
    if (k == key) return &v;
  }
  return nullptr;
}

absl::StatusOr<std::uint64_t> TensorBytes(const TensorInfo& t) {
  TypeSize size;
  if (!SizeOf(t.type, size)) {
    return Error(absl::StrCat(
        "gguf: tensor ", t.name, " has unknown type ", static_cast<std::uint32_t>(t.type)));
  }
  if (t.dims.empty() || t.dims[0] % size.block_elements != 0) {
    return Error(absl::StrCat(
        "gguf: tensor ", t.name, " is not a whole number of blocks of its type"));
  }
  // Multiplied only while below 2^63, so 128 bits never wrap.
  using U128 = unsigned __int128;
  U128 bytes = U128{t.dims[0] / size.block_elements} * size.block_bytes;
  for (std::size_t i = 1; i < t.dims.size() && (bytes >> 63) == 0; ++i) bytes *= t.dims[i];
  if (bytes >> 63) return Error(absl::StrCat("gguf: tensor ", t.name, " is too large"));
  return static_cast<std::uint64_t>(bytes);
}

absl::StatusOr<std::uint64_t> LayOut(File& file) {
  const std::uint64_t align = file.Alignment();
  std::uint64_t offset = 0;
  for (TensorInfo& t : file.tensors) {
    absl::StatusOr<std::uint64_t> bytes = TensorBytes(t);
    if (!bytes.ok()) return bytes.status();
    t.offset = offset;
    offset = AlignUp(offset + *bytes, align);
  }
  return offset;
}

std::string Encode(const File& file) {
  std::string out = "GGUF";
  PutInt(out, file.version, 4);
  PutInt(out, file.tensors.size(), 8);
  PutInt(out, file.metadata.size(), 8);
  for (const auto& [key, value] : file.metadata) {
    PutString(out, key);
    PutValue(out, value);
  }
  for (const TensorInfo& t : file.tensors) {
    PutString(out, t.name);
    PutInt(out, t.dims.size(), 4);
    for (std::uint64_t d : t.dims) PutInt(out, d, 8);
    PutInt(out, static_cast<std::uint32_t>(t.type), 4);
    PutInt(out, t.offset, 8);
  }
  out.resize(AlignUp(out.size(), file.Alignment()), '\0');
  return out;
}

absl::Status Write(const std::string& path, File& file) {
  absl::StatusOr<std::uint64_t> data = LayOut(file);
  if (!data.ok()) return data.status();
  const std::string header = Encode(file);
  const std::uint64_t size = header.size() + *data;
  const absl::Status written = kvtables::fileio::WriteOutputs({{path, header, size}});
  if (!written.ok()) return absl::InternalError(absl::StrCat("gguf: ", written.message()));
  return absl::OkStatus();
}

absl::StatusOr<File> Decode(std::istream& in) {
  char magic[4] = {};
  if (!in.read(magic, 4) || std::string_view(magic, 4) != "GGUF") {
    return Error("gguf: not a GGUF file (no GGUF magic)");
  }
  Reader r(in);
  File file;
  std::uint64_t version = 0, n_tensors = 0, n_kv = 0;
  if (absl::Status s = r.Int(4, version, "the version"); !s.ok()) return s;
  if (version != 2 && version != 3) {
    return Error(absl::StrCat("gguf: unsupported version ", version));
  }
  file.version = static_cast<std::uint32_t>(version);
  if (absl::Status s = r.Int(8, n_tensors, "the tensor count"); !s.ok()) return s;
  if (absl::Status s = r.Int(8, n_kv, "the metadata count"); !s.ok()) return s;
  if (n_tensors > kMaxCount || n_kv > kMaxCount) {
    return Error(absl::StrCat(
        "gguf: header claims ", n_tensors, " tensors and ", n_kv, " metadata entries"));
  }
  for (std::uint64_t i = 0; i < n_kv; ++i) {
    std::string key;
    if (absl::Status s = r.String(key, absl::StrCat("metadata key ", i)); !s.ok()) return s;
    absl::StatusOr<Value> value = r.ReadValue(key);
    if (!value.ok()) return value.status();
    file.metadata.emplace_back(std::move(key), *std::move(value));
  }
  const std::uint64_t align = file.Alignment();
  if (align == 0 || (align & (align - 1)) != 0) {
    return Error(absl::StrCat("gguf: general.alignment ", align, " is not a power of two"));
  }
  for (std::uint64_t i = 0; i < n_tensors; ++i) {
    absl::StatusOr<TensorInfo> t = r.ReadTensor(i);
    if (!t.ok()) return t.status();
    if (absl::StatusOr<std::uint64_t> b = TensorBytes(*t); !b.ok()) return b.status();
    if (t->offset % align != 0) {
      return Error(absl::StrCat("gguf: tensor ", t->name, " is not aligned"));
    }
    file.tensors.push_back(*std::move(t));
  }
  return file;
}

absl::StatusOr<File> Read(const std::string& path) {
  absl::StatusOr<kvtables::fileio::InputFile> file = kvtables::fileio::OpenInput(path);
  if (!file.ok()) {
    return absl::Status(file.status().code(),
                        absl::StrCat("gguf: cannot open ", file.status().message()));
  }
  kvtables::fileio::InputStream in(*file);
  return Decode(in);
}

}  // namespace gguf
