package com.example.dialplane.phone;

import java.util.List;

import org.dialplane.phones.api.PhoneModel;
import org.dialplane.phones.api.ProvisioningFile;
import org.osgi.service.component.annotations.Component;

/**
 * A vendor's phone model: one DS component registered as {@link PhoneModel} is all it takes. While this bundle
 * is active, {@code /pbxapi/phonemodels} lists {@code example-desk-2}, phones may name it, and provisioning
 * serves {@code example-<mac>.conf} from the template below.
 */
@Component(service = PhoneModel.class)
public class ExamplePhoneModel implements PhoneModel {
    private static final String TEMPLATE = """
            # Example Desk 2 for {{phone_name}} ({{MAC}})
            server = {{server_host}}:{{server_port}}
            config_url = {{provisioning_url}}
            lines = {{line_count}}
            line.1.enabled = {{line1_enabled}}
            line.1.user = {{line1_extension}}
            line.1.name = {{line1_name}}
            line.1.password = {{line1_secret}}
            line.2.enabled = {{line2_enabled}}
            line.2.user = {{line2_extension}}
            line.2.name = {{line2_name}}
            line.2.password = {{line2_secret}}
            """;

    @Override
    public String id() {
        return "example-desk-2";
    }

    @Override
    public String vendor() {
        return "Example Phones";
    }

    @Override
    public String name() {
        return "Desk 2";
    }

    @Override
    public int lines() {
        return 2;
    }

    @Override
    public List<ProvisioningFile> files() {
        return List.of(new ProvisioningFile("example-{mac}.conf", "text/plain", TEMPLATE));
    }
}
