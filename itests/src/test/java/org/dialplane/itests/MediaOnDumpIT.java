package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link MediaIT} test on the real IssabelPBX 2018 database (MyISAM, latin1, with its {@code __invalid}
 * recording and the tables of every module that plays recordings). Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class MediaOnDumpIT extends MediaIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }

    @Override
    protected boolean latin1Recordings() {
        return true;
    }
}
