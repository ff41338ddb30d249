package fixtures.sqli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class SqlServlet extends HttpServlet {
    private Connection connection;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            String id = request.getParameter("id");
            Statement st = connection.createStatement();
            // ruleid: java-sqli
            st.executeQuery("SELECT * FROM users WHERE id = '" + id + "'");

            String sql = "SELECT * FROM users WHERE name = ?";
            PreparedStatement ps = connection.prepareStatement(sql); // ok: java-sqli
            ps.setString(1, id);
            ps.executeQuery();

            // ruleid: java-sqli
            PreparedStatement bad = connection.prepareStatement("SELECT * FROM t WHERE a = '" + id + "'");
            bad.execute();

            StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE b = '");
            sb.append(id).append("'");
            st.execute(sb.toString()); // ruleid: java-sqli

            int n = Integer.parseInt(id);
            st.executeQuery("SELECT * FROM t WHERE c = " + n); // ok: java-sqli

            Map<String, Object> map = new HashMap<>();
            map.put("keyA", "safe");
            map.put("keyB", id);
            st.executeQuery("SELECT " + map.get("keyA")); // ok: java-sqli
            st.executeQuery("SELECT " + map.get("keyB")); // ruleid: java-sqli

            List<String> list = new ArrayList<>();
            list.add("safe");
            list.add(id);
            list.add("moresafe");
            list.remove(0);
            st.executeQuery("SELECT " + list.get(0)); // ruleid: java-sqli
            st.executeQuery("SELECT " + list.get(1)); // ok: java-sqli

            int num = 106;
            String bar = (7 * 18) + num > 200 ? "constant" : id;
            st.executeQuery("SELECT " + bar); // ok: java-sqli

            String other = "x";
            if ((500 / 42) + 196 > 200) other = id;
            st.executeQuery("SELECT " + other); // ruleid: java-sqli

            st.executeQuery("SELECT " + Helper.quote(id)); // ruleid: java-sqli
            st.executeQuery("SELECT " + Helper.constant(id)); // ok: java-sqli
            st.addBatch("DELETE FROM t WHERE x = " + new Wrapper(id).value()); // ruleid: java-sqli
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static class Wrapper {
        private final String value;

        Wrapper(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }
}
