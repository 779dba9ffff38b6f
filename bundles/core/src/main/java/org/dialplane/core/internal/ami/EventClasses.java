package org.dialplane.core.internal.ami;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.asteriskjava.manager.event.ManagerEvent;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.reflections.vfs.Vfs;

/**
 * asterisk-java's own event classes, found without its classpath scan: that scan sees nothing inside an OSGi
 * bundle, so events would arrive untyped (dropped). Core registers these explicitly on every connection.
 */
final class EventClasses {
    static final String PACKAGE = "org.asteriskjava.manager.event";
    private static final String PATH = PACKAGE.replace('.', '/');
    private static final AtomicBoolean QUIET_SCAN = new AtomicBoolean();

    private EventClasses() {
    }

    /** Inside OSGi: the classes embedded in this bundle. */
    static Map<String, Class<? extends ManagerEvent>> inBundle(Bundle bundle) {
        quietenScanOfBundleUrls();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        Collection<String> resources = wiring.listResources(PATH, "*.class", BundleWiring.LISTRESOURCES_LOCAL);
        return withUserEvents(load(resources, wiring.getClassLoader()));
    }

    /**
     * Outside OSGi (unit tests): the classes next to {@link ManagerEvent}, in asterisk-java's jar or in a
     * class directory (bnd copies the embedded packages into core's own output directory).
     */
    static Map<String, Class<? extends ManagerEvent>> onClasspath() {
        try {
            Path root = Path.of(ManagerEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> resources = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.list(root.resolve(PATH))) {
                    files.forEach(file -> resources.add(PATH + "/" + file.getFileName()));
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(entry -> entry.getName())
                            .filter(name -> name.startsWith(PATH + "/") && name.indexOf('/', PATH.length() + 1) < 0)
                            .forEach(resources::add);
                }
            }
            return withUserEvents(load(resources, ManagerEvent.class.getClassLoader()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list asterisk-java's event classes", e);
        }
    }

    /**
     * asterisk-java still runs its scan (reflections) once; on a {@code bundle:} URL reflections finds no
     * handler and logs a warning with two stack traces. An empty directory for such URLs says the same
     * thing quietly: the classes are registered here instead.
     */
    private static void quietenScanOfBundleUrls() {
        if (QUIET_SCAN.compareAndSet(false, true)) {
            Vfs.addDefaultURLTypes(new Vfs.UrlType() {
                @Override
                public boolean matches(java.net.URL url) {
                    return url.getProtocol().startsWith("bundle");
                }

                @Override
                public Vfs.Dir createDir(java.net.URL url) {
                    return new Vfs.Dir() {
                        @Override
                        public String getPath() {
                            return url.toExternalForm();
                        }

                        @Override
                        public Iterable<Vfs.File> getFiles() {
                            return List.of();
                        }
                    };
                }
            });
        }
    }

    /**
     * The user events Dialplane's own dialplan emits: asterisk-java drops a {@code UserEvent} unless a class is
     * registered for its name.
     */
    private static Map<String, Class<? extends ManagerEvent>> withUserEvents(
            Map<String, Class<? extends ManagerEvent>> classes) {
        classes.put("userevent" + Conversions.eventName(ResponsePathEvent.class).toLowerCase(Locale.ROOT),
                ResponsePathEvent.class);
        return classes;
    }

    /** Concrete event classes by lower-case AMI event name ({@code coreshowchannelscomplete}). */
    private static Map<String, Class<? extends ManagerEvent>> load(Collection<String> resources,
            ClassLoader loader) {
        Map<String, Class<? extends ManagerEvent>> classes = new HashMap<>();
        for (String resource : resources) {
            if (!resource.endsWith(".class") || resource.contains("$")) {
                continue;
            }
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            try {
                Class<?> type = Class.forName(className, false, loader);
                if (ManagerEvent.class.isAssignableFrom(type)
                        && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                    classes.put(Conversions.eventName(type).toLowerCase(Locale.ROOT),
                            type.asSubclass(ManagerEvent.class));
                }
            } catch (ClassNotFoundException | LinkageError unusable) {
                // an event class whose optional dependencies are absent is simply not registered
            }
        }
        return classes;
    }
}
