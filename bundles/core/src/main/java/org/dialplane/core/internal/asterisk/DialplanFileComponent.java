package org.dialplane.core.internal.asterisk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.dialplane.core.asterisk.AsteriskPaths;
import org.dialplane.core.asterisk.DialplanFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link DialplanFile} at the path the {@link AsteriskPaths} name at each call. */
@Component(service = DialplanFile.class)
public class DialplanFileComponent implements DialplanFile {
    private final AsteriskPaths paths;

    @Activate
    public DialplanFileComponent(@Reference AsteriskPaths paths) {
        this.paths = paths;
    }

    @Override
    public Path path() {
        return paths.dialplan();
    }

    @Override
    public boolean replaceSection(String owner, String text) {
        String checked = text == null ? "" : text;
        DialplanSections.replace("", owner, checked); // refuses bad input even where there is no file to write
        return file().edit(current -> DialplanSections.replace(current, owner, checked));
    }

    @Override
    public String section(String owner) {
        LockedTextFile file = file();
        return file.available() ? DialplanSections.parse(file.read()).getOrDefault(owner, "") : "";
    }

    private LockedTextFile file() {
        return new LockedTextFile(path(), StandardCharsets.UTF_8, temporary -> { });
    }
}
