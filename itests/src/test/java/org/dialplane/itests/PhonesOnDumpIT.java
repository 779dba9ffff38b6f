package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link PhonesIT} test on the real IssabelPBX 2018 database (MyISAM, latin1 {@code users} and {@code sip}),
 * where the phones' own utf8mb4 tables are joined with them. Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class PhonesOnDumpIT extends PhonesIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }
}
