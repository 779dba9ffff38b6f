package org.dialplane.cdr;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters every list of records takes besides {@code fields}, {@code limit} and {@code search}, as a
 * bean so that the OpenAPI document lists them; the services read them from the request's parameters.
 */
public class RecordParameters {
    /** Inclusive: a date (its midnight) or an ISO date-time, the PBX's local time. */
    @QueryParam("start")
    public String start;
    /** Exclusive: start=2017-01-01&end=2017-02-01 is all of January. */
    @QueryParam("end")
    public String end;
    /** A tenant's code; % or * for every tenant's (the admin format, with a tenant column). Global callers only. */
    @QueryParam("tenant")
    public String tenant;
    /** The next cursor of the previous page. */
    @QueryParam("after")
    public String after;
    /** true: the answer counts the rows matching. */
    @QueryParam("total")
    public String total;
    /** json, csv or xml; else the Accept header decides. */
    @QueryParam("format")
    public String format;

    /** The filters of CDRs. */
    public static class Cdrs {
        @QueryParam("src")
        public String src;
        @QueryParam("dst")
        public String dst;
        @QueryParam("disposition")
        public String disposition;
        @QueryParam("accountcode")
        public String accountcode;
        @QueryParam("uniqueid")
        public String uniqueid;
        @QueryParam("linkedid")
        public String linkedid;
        @QueryParam("min_billsec")
        public String minBillsec;
    }

    /** The filters of queue logs. */
    public static class QueueLogs {
        @QueryParam("queue")
        public String queue;
        @QueryParam("agent")
        public String agent;
        @QueryParam("event")
        public String event;
        @QueryParam("callid")
        public String callid;
    }
}
