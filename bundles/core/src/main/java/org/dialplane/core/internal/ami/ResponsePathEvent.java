package org.dialplane.core.internal.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(ResponsePath,Path: <id>,Step: <TYPE>,TypeId: <n>,Value: <value>)}, which the dialplan of a
 * response path emits (the recording contract in the README). asterisk-java builds a user event only from a class
 * registered for its name ({@code ResponsePath} + {@code Event}) and drops the others, so core registers this one;
 * subscribers get it as {@code UserEvent} with {@code UserEvent: ResponsePath} and these fields. Public only
 * because asterisk-java instantiates it reflectively; its package is not exported.
 */
public class ResponsePathEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    private String path;
    private String step;
    private String typeId;
    private String value;

    public ResponsePathEvent(Object source) {
        super(source);
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String getTypeId() {
        return typeId;
    }

    public void setTypeId(String typeId) {
        this.typeId = typeId;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
