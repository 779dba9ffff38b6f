package org.dialplane.core.internal.ami;

import java.util.LinkedHashMap;
import java.util.Map;

import org.asteriskjava.manager.action.AbstractManagerAction;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.event.ResponseEvent;
import org.dialplane.core.ami.AmiAction;

/**
 * An {@link AmiAction} in asterisk-java's terms. asterisk-java writes {@code getAttributes()} as one
 * {@code Name: value} line per entry, so any action can be sent without a class per action. Public because
 * asterisk-java reads the getters reflectively.
 */
public final class GenericAction extends AbstractManagerAction implements EventGeneratingAction {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final transient Map<String, String> attributes = new LinkedHashMap<>();
    private final Class<? extends ResponseEvent> completeEventClass;

    GenericAction(AmiAction action, Class<? extends ResponseEvent> completeEventClass) {
        this.name = action.name();
        // AmiAction already stripped CR/LF; repeated names are joined as Asterisk does for Variable.
        for (Map.Entry<String, String> field : action.fields()) {
            if (field.getKey().equalsIgnoreCase("ActionID")) {
                // asterisk-java writes its own ActionID line first ("<internal>#<ours>") and strips its part from
                // the events answering the action (OriginateResponse); a second ActionID line would be ignored.
                setActionId(field.getValue());
            } else {
                attributes.merge(field.getKey(), field.getValue(), (first, next) -> first + "," + next);
            }
        }
        this.completeEventClass = completeEventClass;
    }

    @Override
    public String getAction() {
        return name;
    }

    public Map<String, String> getAttributes() {
        return attributes;
    }

    @Override
    public Class<? extends ResponseEvent> getActionCompleteEventClass() {
        return completeEventClass;
    }
}
