package dev.kairos.benchmark;

import java.sql.SQLException;

/** What the figures were measured on. */
record Machine(int cores, String jvm, long maxHeapBytes, String os, String postgresVersion, boolean fsync,
               String synchronousCommit) {

    static Machine describe(Database database) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                runtime.maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                database.queryString("SHOW server_version"),
                "on".equals(database.queryString("SHOW fsync")),
                database.queryString("SHOW synchronous_commit"));
    }

    @Override
    public String toString() {
        return cores + " cores, " + jvm + ", max heap " + (maxHeapBytes >> 20) + " MB, " + os + "; PostgreSQL "
                + postgresVersion + " (fsync " + (fsync ? "on" : "off") + ", synchronous_commit " + synchronousCommit + ")";
    }
}
