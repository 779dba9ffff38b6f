package org.dialplane.phones.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A phone model, registered as an OSGi service by the bundle that knows it: the phones bundle registers its
 * built-in ones, a vendor's bundle dropped into {@code deploy/} adds its own, and removing the bundle takes them
 * away. A model whose id is taken, or whose files or templates break the rules below, is not added (logged).
 * <p>
 * Templates are filled by strict substitution, never evaluated: {@code {{name}}} is replaced by the value of a
 * variable of this list, and a template naming any other variable is refused when the model is registered.
 * <ul>
 * <li>{@code mac} ({@code aabbccddeeff}), {@code MAC} ({@code AABBCCDDEEFF}), {@code phone_name};</li>
 * <li>{@code server_host}, {@code server_port}: where the phone registers (configured with provisioning);</li>
 * <li>{@code provisioning_url}: the folder the phone fetches its files from, ending in {@code /};</li>
 * <li>{@code line_count}: how many lines the phone has;</li>
 * <li>for each line {@code n} from 1 to {@link #lines()}: {@code line<n>_enabled} ({@code 1} or {@code 0}),
 * {@code line<n>_active} ({@code on} or {@code off}), {@code line<n>_extension}, {@code line<n>_name} (the
 * extension's name), {@code line<n>_secret} (its SIP password); empty (and {@code 0}, {@code off}) for a line
 * the phone does not have.</li>
 * </ul>
 */
@ConsumerType
public interface PhoneModel {

    /** The model's id, which phones name: lower-case letters, digits, {@code .}, {@code -}, {@code _}; at most 64. */
    String id();

    /** Who makes it, e.g. {@code Yealink}. */
    String vendor();

    /** What it is called, e.g. {@code T4x/T5x series}. */
    String name();

    /** How many lines (SIP accounts) a phone of this model takes, from 1 to 64. */
    int lines();

    /** The files a phone of this model fetches, at least one, each with its own name. */
    List<ProvisioningFile> files();
}
