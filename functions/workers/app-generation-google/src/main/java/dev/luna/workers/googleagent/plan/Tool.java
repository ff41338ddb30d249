package dev.luna.workers.googleagent.plan;

import java.util.List;

/**
 * One generated tool (an ADK {@code FunctionTool}), its intent in the conversation and its place on the card.
 *
 * @param name        unique lowerCamel identifier ({@code getOwner})
 * @param method      HTTP method
 * @param path        path template
 * @param title       {@code Get owner}
 * @param description for the model, at most 300 characters: what it does, what it returns, whether it changes data
 * @param inputs      path and query parameters, then body properties
 * @param hasBody     whether a JSON body is sent (built from the body inputs)
 * @param readOnly    GET, HEAD, OPTIONS
 * @param destructive DELETE, PUT
 * @param skill       the id of the card skill it belongs to
 * @param utterances  sample user utterances, 3
 * @param location    where the operation was found
 */
public record Tool(String name, String method, String path, String title, String description, List<ToolInput> inputs, boolean hasBody,
                   boolean readOnly, boolean destructive, String skill, List<String> utterances, String location) {
    public Tool {
        inputs = List.copyOf(inputs);
        utterances = List.copyOf(utterances);
    }

    public Tool withDescription(String text) {
        return new Tool(name, method, path, title, text, inputs, hasBody, readOnly, destructive, skill, utterances, location);
    }

    /** Changing data asks the user first. */
    public boolean confirm() {
        return !readOnly;
    }
}
