enum JixiaoStoreModule {}
