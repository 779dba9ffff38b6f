package org.dialplane.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link VoicemailIT} test on the real IssabelPBX 2018 database (MyISAM, latin1): the {@code users.voicemail}
 * column written there as IssabelPBX writes it. Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class VoicemailOnDumpIT extends VoicemailIT {

    @Override
    protected Option database() {
        return SchemaIT.dumpDatabase(getClass().getSimpleName());
    }
}
