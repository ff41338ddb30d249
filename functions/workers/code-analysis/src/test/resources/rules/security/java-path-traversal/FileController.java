package fixtures.path;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class FileController {
    private static final String BASE = "/srv/files/";

    @GetMapping("/files/{name}")
    public byte[] read(@PathVariable String name) throws IOException {
        File f = new File(BASE, name); // ruleid: java-path-traversal
        Path p = Paths.get(BASE + name); // ruleid: java-path-traversal
        new FileInputStream(BASE + FilenameUtils.getName(name)).close(); // ok: java-path-traversal
        new File(BASE, "fixed.txt"); // ok: java-path-traversal
        return Files.readAllBytes(p);
    }

    @PostMapping("/upload")
    public void upload(MultipartFile file) throws IOException {
        String original = file.getOriginalFilename();
        file.transferTo(new File("/tmp/" + original)); // ruleid: java-path-traversal
        String cleaned = Paths.get(original).getFileName().toString(); // ok: java-path-traversal
        file.transferTo(new File("/tmp/" + cleaned)); // ok: java-path-traversal
    }

    public void notAHandler(String name) throws IOException {
        new FileInputStream(name).close(); // ok: java-path-traversal
    }
}
