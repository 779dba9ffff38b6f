package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link ExtensionRowsIT} test on the real IssabelPBX 2018 database (MyISAM, latin1, and the Follow Me, fax and
 * paging tables of its modules). Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class ExtensionRowsOnDumpIT extends ExtensionRowsIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }
}
