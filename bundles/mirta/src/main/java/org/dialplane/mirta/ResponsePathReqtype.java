package org.dialplane.mirta;

import org.dialplane.core.auth.Caller;
import org.dialplane.core.rest.ApiException;
import org.dialplane.responsepaths.api.ResponsePathService;
import org.dialplane.responsepaths.api.Run;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code RESPONSEPATH action=GETLAST id= [filter= filterdata=] [format=xml]}: the latest run of a response path, in
 * the seed's pipe table (the default here, as in MiRTA) or its XML, through the response paths bundle's
 * {@link ResponsePathService#last} ({@code /pbxapi/responsepaths/{id}/runs/last}, whose default is json).
 */
@Component(service = Reqtype.class)
public class ResponsePathReqtype implements Reqtype {
    private final ResponsePathService paths;

    @Activate
    public ResponsePathReqtype(@Reference ResponsePathService paths) {
        this.paths = paths;
    }

    @Override
    public String reqtype() {
        return "RESPONSEPATH";
    }

    @Override
    public boolean writes(ProxyRequest request) {
        return false;
    }

    @Override
    public String help() {
        return """
                RESPONSEPATH - Get response path results
                               Additional parameters:
                               tenant - name of the tenant
                               id - response path id
                               action - GETLAST (the latest run)
                               filter - optional: START, CALLERID, VARIABLE, VOICEFILE, QUEUE, ANSWER or HANGUP
                               filterdata - the value the filter's step must have (ANSWER: 104-DEVEL)
                               format - optional: pipe (the default), xml or json
                """;
    }

    @Override
    public Answer handle(ProxyRequest request, Caller caller) {
        String action = request.upper("action");
        if (!"GETLAST".equals(action)) {
            throw ApiException.badRequest((action == null ? "Missing parameter action" : "Unknown action '"
                    + Answer.oneLine(request.get("action")) + "'") + " for reqtype RESPONSEPATH; one of GETLAST");
        }
        String asked = request.get("format");
        String format = asked == null ? "pipe" : asked.trim().toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("pipe") && !format.equals("xml") && !format.equals("json")) {
            throw ApiException.badRequest("Invalid format '" + Answer.oneLine(asked)
                    + "': pipe, xml or json");
        }
        String id = request.requiredMatching("id", MediaFileReqtype.ID, "a response path id");
        Run run = paths.last(id, request.get("filter"), request.get("filterdata"), caller);
        return switch (format) {
            case "xml" -> new Answer.Text("application/xml; charset=UTF-8", run.xml());
            case "json" -> new Answer.Document(200, run.asMap());
            default -> new Answer.Text(Answer.TEXT, run.pipe());
        };
    }
}
