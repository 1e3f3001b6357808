import CNcursesw
enum JixiaoTerminalModule {}
