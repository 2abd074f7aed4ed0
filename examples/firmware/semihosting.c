// examples/firmware/semihosting.c: see semihosting.h.

#include "examples/firmware/semihosting.h"

#include <stdint.h>

enum {
  kSysWrite0 = 0x04,
  kSysExitExtended = 0x20,
  // ADP_Stopped_ApplicationExit: a normal exit; the subcode is the exit code.
  kApplicationExit = 0x20026,
};

static uint32_t SemihostingCall(uint32_t operation, const void* argument) {
  register uint32_t r0 __asm__("r0") = operation;
  register const void* r1 __asm__("r1") = argument;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void SemihostingWrite(const char* text) { SemihostingCall(kSysWrite0, text); }

void SemihostingExit(uint32_t exit_code) {
  const uint32_t block[2] = {kApplicationExit, exit_code};
  SemihostingCall(kSysExitExtended, block);
  for (;;) {
    // Unreachable under a semihosting host; a bare board halts here.
  }
}
