package org.dialplane.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.util.ArrayList;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;

/**
 * Every {@link RingGroupsIT} test on the real IssabelPBX 2018 database (MyISAM, latin1), where the ring groups
 * live beside Dialplane's own utf8mb4 tables. Skipped, visibly, when the dump is absent.
 */
@RunWith(SchemaIT.SkippedWithoutDump.class)
public class RingGroupsOnDumpIT extends RingGroupsIT {

    @Override
    protected Option database() {
        List<Option> options = new ArrayList<>();
        DumpDatabase.properties(SchemaIT.dump(), SchemaIT.FINGERPRINT, "dialplane.test.schema.before")
                .forEach((key, value) -> options.add(frameworkProperty(key).value(value)));
        return composite(options.toArray(Option[]::new));
    }
}
