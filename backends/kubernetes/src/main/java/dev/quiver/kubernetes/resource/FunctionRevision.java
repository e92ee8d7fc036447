package dev.quiver.kubernetes.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** One entry of {@code status.revisions}: a pod template the function has had, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FunctionRevision {
    @JsonPropertyDescription("<function>-0000N")
    private String name;

    @JsonPropertyDescription("The pod template's hash: the code (image) and configuration of the revision.")
    private String template;

    @JsonPropertyDescription("Its container image.")
    private String image;

    @JsonPropertyDescription("When the controller first saw it (RFC 3339).")
    private String created;

    public static FunctionRevision of(String name, String template, String image, String created) {
        FunctionRevision r = new FunctionRevision();
        r.name = name;
        r.template = template;
        r.image = image;
        r.created = created;
        return r;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getCreated() {
        return created;
    }

    public void setCreated(String created) {
        this.created = created;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionRevision r
                && Objects.equals(name, r.name)
                && Objects.equals(template, r.template)
                && Objects.equals(image, r.image)
                && Objects.equals(created, r.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, template, image, created);
    }
}
