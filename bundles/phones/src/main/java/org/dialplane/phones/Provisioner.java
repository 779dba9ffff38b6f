package org.dialplane.phones;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and renders the file a phone asks for, or nothing; why not is for the audit log only, never for the
 * answer. An unknown MAC and a wrong secret cost the same: one indexed query by the MAC addresses the file name
 * can be for, then one constant-time comparison of the secret sent with the phone's (or, without a phone, with a
 * random one of the same length). Only a match goes on to read the lines and render.
 */
final class Provisioner {
    /** What a request came to: the file, or why not (for the audit line), and the MAC it was for. */
    record Outcome(String result, String mac, String contentType, String body) {
        boolean served() {
            return body != null;
        }

        static Outcome refused(String why, String mac) {
            return new Outcome(why, mac, null, null);
        }
    }

    /** Compared with when no phone matches, so that case does the same work. */
    private final byte[] decoy = PhoneServiceImpl.newSecret().getBytes(StandardCharsets.US_ASCII);
    private final PhoneModels models;
    private final PhoneRepository repository;

    Provisioner(PhoneModels models, PhoneRepository repository) {
        this.models = models;
        this.repository = repository;
    }

    Outcome serve(String secret, String fileName, ProvisioningSettings settings) {
        ProvisioningSettings.Config config = settings.config();
        if (!config.enabled()) {
            return Outcome.refused("disabled", null);
        }
        if (config.sip_host().isBlank()) {
            return Outcome.refused("no-sip-host-configured", null);
        }
        Set<String> macs = models.macsIn(fileName);
        if (macs.isEmpty()) {
            return Outcome.refused("not-a-phone-file", null);
        }
        String mac = macs.iterator().next();
        if (!PhoneServiceImpl.SECRET.matcher(secret).matches()) {
            return Outcome.refused("malformed-secret", mac);
        }
        PhoneRepository.Provisioned phone = null;
        KnownModel.File file = null;
        for (PhoneRepository.Provisioned candidate : repository.byMacs(List.copyOf(macs))) {
            Optional<KnownModel.File> match = models.get(candidate.model())
                    .flatMap(model -> model.file(fileName, candidate.mac()));
            if (match.isPresent()) {
                phone = candidate;
                file = match.get();
                mac = candidate.mac();
            }
        }
        byte[] expected = phone == null ? decoy : phone.secret().getBytes(StandardCharsets.US_ASCII);
        boolean right = MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.US_ASCII));
        if (phone == null) {
            return Outcome.refused("unknown-mac-or-model", mac);
        }
        if (!right) {
            return Outcome.refused("wrong-secret", mac);
        }
        KnownModel model = models.get(phone.model()).orElseThrow();
        String body = file.template().render(values(phone, model, repository.lines(phone), settings), file.xml());
        return new Outcome("served", mac, file.contentType(), body);
    }

    /** The declared variables' values for this phone (see PhoneModel). */
    static Map<String, String> values(PhoneRepository.Provisioned phone, KnownModel model,
            List<PhoneRepository.Line> lines, ProvisioningSettings settings) {
        Map<String, String> values = new HashMap<>();
        values.put("mac", Mac.lowerHex(phone.mac()));
        values.put("MAC", Mac.upperHex(phone.mac()));
        values.put("phone_name", phone.name());
        values.put("server_host", settings.config().sip_host().strip());
        values.put("server_port", Integer.toString(settings.config().sip_port()));
        values.put("provisioning_url", settings.provisioningUrl(phone.secret()));
        List<PhoneRepository.Line> shown = new ArrayList<>(lines.subList(0, Math.min(lines.size(), model.lines())));
        values.put("line_count", Integer.toString(shown.size()));
        for (int n = 1; n <= model.lines(); n++) {
            PhoneRepository.Line line = n <= shown.size() ? shown.get(n - 1) : null;
            boolean usable = line != null && line.name() != null;
            values.put("line" + n + "_enabled", usable ? "1" : "0");
            values.put("line" + n + "_active", usable ? "on" : "off");
            values.put("line" + n + "_extension", usable ? line.extension() : "");
            values.put("line" + n + "_name", usable ? line.name() : "");
            values.put("line" + n + "_secret", usable && line.secret() != null ? line.secret() : "");
        }
        return values;
    }
}
