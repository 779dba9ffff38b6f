package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link RingGroupsIT} test on the real IssabelPBX 2018 database (MyISAM, latin1), where the ring groups live
 * beside Dialplane's own utf8mb4 tables. Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class RingGroupsOnDumpIT extends RingGroupsIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }
}
