package org.dialplane.cdr.api;

import java.util.List;
import java.util.Map;

import org.dialplane.core.auth.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The call detail records of {@code asteriskcdrdb.cdr}, as {@code /pbxapi/cdrs} serves them. A CDR is a tenant's
 * when one of its extensions is the source or destination number, the caller id number, the account code
 * ({@code 402} or MiRTA's {@code 402-DEVEL}) or the device of either channel: the rule core applies to live
 * channels ({@link org.dialplane.core.pbx.Channels}), evaluated in the database.
 */
@ProviderType
public interface CdrService extends RecordService {
    /** The groupings {@link #summary} accepts. */
    List<String> GROUPS = List.of("day", "hour", "src", "dst", "disposition", "accountcode");

    /**
     * Per group of the rows the query matches (its filters and tenant; its page and fields are ignored): the
     * group's value under the group's name, {@code calls}, {@code answered}, {@code billsec} (the total) and
     * {@code average_billsec}, in the group's order.
     *
     * @param group one of {@link #GROUPS}; anything else is a 400 naming {@code group}
     */
    List<Map<String, Object>> summary(RecordQuery query, String group, Caller caller);

    /**
     * Sets the {@code userfield} of the CDRs of the call leg {@code uniqueid} (CRMs tag calls with it).
     *
     * @throws org.dialplane.core.rest.ApiException 403 for a read-only caller; 404 when no CDR with that uniqueid
     *         is the caller's; 422 for a userfield longer than 255 characters
     */
    void updateUserfield(String uniqueid, String userfield, Caller caller);
}
