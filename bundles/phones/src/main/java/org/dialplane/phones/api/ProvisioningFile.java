package org.dialplane.phones.api;

/**
 * One configuration file a phone of a {@link PhoneModel} fetches when it boots.
 *
 * @param name        the file name, with {@code {mac}} (lower-case hex, no separators) or {@code {MAC}}
 *                    (upper-case) exactly once where the phone puts its MAC address: {@code {mac}.cfg},
 *                    {@code cfg{mac}.xml}, {@code snomD785-{MAC}.htm}. Letters, digits, {@code .}, {@code -} and
 *                    {@code _} only
 * @param contentType what it is served as, e.g. {@code text/plain} or {@code application/xml}; with {@code xml}
 *                    in it, every value is XML-escaped where the template puts it
 * @param template    the file's text with {@code {{variable}}} where a value goes: only the variables listed in
 *                    {@link PhoneModel}; anything else is copied as it is
 */
public record ProvisioningFile(String name, String contentType, String template) {
}
