# Fails unless README.md holds the example it quotes, byte for byte, so the README's first snippet
# is always code the test suite compiles and runs. Usage: cmake -DREADME=... -DEXAMPLE=... -P this
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
string(FIND "${readme}" "${example}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${README} does not quote ${EXAMPLE} as it is now: copy the file into the README's first snippet")
endif()
