# Sourced by the build scripts: compile through ccache when it is installed
# (scripts/install-deps.sh installs it). The cache lives outside the checkout,
# in ccache's default directory, so fresh clones on one machine share it;
# paths are hashed relative to the checkout so that they do. FLOWII_CCACHE=0
# turns it off.
FLOWII_CMAKE_LAUNCHER=()
if [ "${FLOWII_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="${root:?}" CCACHE_NOHASHDIR=1
  FLOWII_CMAKE_LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
