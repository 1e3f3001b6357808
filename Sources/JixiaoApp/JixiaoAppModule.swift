enum JixiaoAppModule {}
