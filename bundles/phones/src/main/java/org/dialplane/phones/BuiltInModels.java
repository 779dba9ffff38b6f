package org.dialplane.phones;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dialplane.phones.api.PhoneModel;
import org.dialplane.phones.api.ProvisioningFile;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The models integrators meet most, registered as {@link PhoneModel} services exactly as a vendor's bundle
 * registers its own: nothing about them is special to the rest of the bundle. Their templates are the files
 * under {@code models/} in this bundle; the line counts are those of the family's largest model the template
 * provisions.
 */
@Component(immediate = true)
public class BuiltInModels {
    private static final String TEXT = "text/plain";
    private static final String XML = "application/xml";

    /** A model whose templates are resources of this bundle. */
    record BuiltIn(String id, String vendor, String name, int lines, List<ProvisioningFile> files)
            implements PhoneModel {
    }

    private final List<ServiceRegistration<PhoneModel>> registrations = new ArrayList<>();

    @Activate
    public BuiltInModels(BundleContext context) {
        for (PhoneModel model : models()) {
            registrations.add(context.registerService(PhoneModel.class, model, null));
        }
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    static List<PhoneModel> models() {
        return List.of(
                new BuiltIn("yealink-t4x-t5x", "Yealink", "T4x/T5x series (T46U, T48U, T54W, T57W...)", 16,
                        List.of(file("{mac}.cfg", TEXT, "yealink-t4x-t5x.cfg"))),
                new BuiltIn("grandstream-gxp-grp", "Grandstream", "GXP/GRP series (GXP2170, GRP2614...)", 4,
                        List.of(file("cfg{mac}.xml", XML, "grandstream-gxp-grp.xml"))),
                new BuiltIn("snom-d7xx", "Snom", "D7xx series (D715, D735, D785...)", 12,
                        // The setting URL <provisioning_url>{mac}.xml: Snom puts in its MAC, in either case.
                        List.of(file("{MAC}.xml", XML, "snom-d7xx.xml"), file("{mac}.xml", XML, "snom-d7xx.xml"))),
                new BuiltIn("polycom-vvx", "Polycom", "VVX series (VVX 250, 350, 450...)", 12,
                        List.of(file("{mac}.cfg", XML, "polycom-vvx.cfg"),
                                file("{mac}-lines.cfg", XML, "polycom-vvx-lines.cfg"))));
    }

    private static ProvisioningFile file(String name, String contentType, String resource) {
        try (InputStream in = BuiltInModels.class.getResourceAsStream("/models/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("No template models/" + resource + " in the phones bundle");
            }
            return new ProvisioningFile(name, contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
