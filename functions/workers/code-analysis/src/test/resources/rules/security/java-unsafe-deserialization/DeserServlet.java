package fixtures.deser;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class DeserServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ObjectInputStream in = new ObjectInputStream(request.getInputStream());
            Object o = in.readObject(); // ruleid: java-unsafe-deserialization
            byte[] data = Base64.getDecoder().decode(request.getParameter("state"));
            ObjectInputStream in2 = new ObjectInputStream(new ByteArrayInputStream(data));
            in2.readObject(); // ruleid: java-unsafe-deserialization
            ObjectInputStream local = new ObjectInputStream(new FileInputStream("/etc/app/cache.bin"));
            local.readObject(); // ok: java-unsafe-deserialization
            new XMLDecoder(request.getInputStream()).readObject(); // ruleid: java-unsafe-deserialization
            String body = request.getParameter("yaml");
            new Yaml().load(body); // ruleid: java-unsafe-deserialization
            new Yaml(new SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(body); // ok: java-unsafe-deserialization
            ObjectMapper mapper = new ObjectMapper();
            mapper.enableDefaultTyping(); // ruleid: java-unsafe-deserialization
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    static class Payload {
        @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) // ruleid: java-unsafe-deserialization
        Object value;
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME) // ok: java-unsafe-deserialization
        Object named;
    }
}
