package dev.kairos.benchmark;

import java.sql.SQLException;

/** What the figures were measured on. */
record Machine(int cores, String jvm, long maxHeapBytes, String os, String postgres) {

    static Machine describe(Database database) throws SQLException {
        Runtime runtime = Runtime.getRuntime();
        return new Machine(runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                runtime.maxMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                "PostgreSQL " + database.queryString("SHOW server_version") + ", fsync "
                        + database.queryString("SHOW fsync") + ", synchronous_commit " + database.queryString("SHOW synchronous_commit"));
    }

    @Override
    public String toString() {
        return cores + " cores, " + jvm + ", max heap " + (maxHeapBytes >> 20) + " MB, " + os + "; " + postgres;
    }
}
