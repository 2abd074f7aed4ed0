"""The native C++ rules under the names rules_cc gives them.

Bazel 4.2.3 (Debian's bazel-bootstrap) cannot load a current rules_cc, and the
machines that build kvtables cannot download one; this file lets BUILD files
load @rules_cc//cc:defs.bzl exactly as they would with the real rules_cc.
"""

cc_binary = native.cc_binary
cc_import = native.cc_import
cc_library = native.cc_library
cc_proto_library = native.cc_proto_library
cc_test = native.cc_test
cc_toolchain = native.cc_toolchain
cc_toolchain_suite = native.cc_toolchain_suite
objc_library = native.objc_library
