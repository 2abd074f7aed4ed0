// examples/firmware/semihosting.h
//
// ARM semihosting for a Cortex-M image: the debugger (here QEMU with
// -semihosting-config enable=on,target=native) services `bkpt 0xab` with the
// operation number in r0 and its argument in r1. Two operations are enough to
// report a result: SYS_WRITE0 (0x04) prints a NUL-terminated string on the
// host's stdout, SYS_EXIT_EXTENDED (0x20) ends the emulation with an exit
// code, which QEMU returns as its own exit status.
//
// Worked example: SemihostingWrite("ok\n") then SemihostingExit(3) prints
// "ok" and makes qemu-system-arm exit with status 3.

#ifndef KVTABLES_EXAMPLES_FIRMWARE_SEMIHOSTING_H_
#define KVTABLES_EXAMPLES_FIRMWARE_SEMIHOSTING_H_

#include <stdint.h>

// SemihostingWrite() prints `text`, a NUL-terminated string, on the host.
void SemihostingWrite(const char* text);

// SemihostingExit() ends the program; the host exits with `exit_code`.
void SemihostingExit(uint32_t exit_code) __attribute__((noreturn));

#endif  // KVTABLES_EXAMPLES_FIRMWARE_SEMIHOSTING_H_
