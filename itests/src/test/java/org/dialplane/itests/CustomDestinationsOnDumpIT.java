package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link CustomDestinationsIT} test on the real IssabelPBX 2018 database, whose {@code custom_destinations}
 * table is MyISAM/latin1 beside Dialplane's InnoDB tables. Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class CustomDestinationsOnDumpIT extends CustomDestinationsIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }
}
