package org.dialplane.core.asterisk;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dialplane's own dialplan file, {@code <etc>/extensions_dialplane.conf}, shared by every bundle that generates
 * dialplan (response paths, custom destinations, a vendor's): each owns one section of it, by name, and replaces
 * only its own. The operator includes the file once, from IssabelPBX's {@code extensions_custom.conf}:
 * {@code #include extensions_dialplane.conf}. Writes are atomic (a temporary file renamed over the old one) and
 * serialised; Asterisk reads the change at the next apply. Without Asterisk's configuration directory nothing is
 * written.
 */
@ProviderType
public interface DialplanFile {
    /** The file's name in Asterisk's configuration directory. */
    String FILE_NAME = "extensions_dialplane.conf";

    /** Where the file is (or would be): {@code <etc>/extensions_dialplane.conf}. */
    Path path();

    /**
     * Replaces the owner's section with {@code text} (dialplan contexts, as Asterisk reads them), keeping every
     * other section; an empty text removes the section.
     *
     * @param owner the section's name: lower-case letters, digits, {@code .}, {@code _} and {@code -}, such as
     *        the bundle's symbolic name
     * @return whether the file changed
     * @throws IllegalArgumentException when the owner is not such a name, or the text holds a line starting
     *         with {@code #} (an {@code #include} or {@code #exec} must never come from generated text) or a
     *         section marker
     */
    boolean replaceSection(String owner, String text);

    /** The owner's section as it is in the file now: its text, or empty when it has none. */
    String section(String owner);
}
