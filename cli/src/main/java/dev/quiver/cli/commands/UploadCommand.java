package dev.quiver.cli.commands;

import dev.quiver.cli.LocalOnly;
import dev.quiver.cli.QuiverException;
import dev.quiver.cli.Session;
import dev.quiver.cli.platform.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Put a file into the platform's object store (S3 API; the bucket is created when missing); "
                    + "the sources turn it into a CloudEvent on the broker.",
            "Credentials: $QUIVER_S3_ACCESS_KEY / $QUIVER_S3_SECRET_KEY, else the generated "
                    + "<data dir>/objects/s3-credentials (access-key=, secret-key=)."
        })
public class UploadCommand implements Callable<Integer> {
    @Mixin
    LocalOnly localOnly;

    @Parameters(index = "0", paramLabel = "<file>")
    Path file;

    @Parameters(index = "1", paramLabel = "<bucket/key>")
    String target;

    @Override
    public Integer call() {
        localOnly.check("upload");
        Session s = Session.current();
        if (!Files.isRegularFile(file)) {
            throw QuiverException.usage("upload: no such file: " + file);
        }
        int slash = target.indexOf('/');
        if (slash <= 0 || slash == target.length() - 1) {
            throw QuiverException.usage("upload: the target is <bucket>/<key>, was '" + target + "'");
        }
        try {
            ObjectStore.of(s.ports().s3Url(), s.workspace(), s.env())
                    .put(target.substring(0, slash), target.substring(slash + 1), Files.readAllBytes(file));
        } catch (IOException e) {
            throw QuiverException.failed("cannot read " + file + ": " + e.getMessage());
        }
        s.console().line("uploaded " + file + " to s3://" + target);
        return 0;
    }
}
