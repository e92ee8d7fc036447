package dev.quiver.examples.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ThumbnailsTest {

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("image at the top", "images/cat.jpg", Optional.of("thumbnails/cat.png")),
                Arguments.of("nested image", "images/2024/05/dog.png", Optional.of("thumbnails/2024/05/dog.png")),
                Arguments.of("no extension", "images/raw", Optional.of("thumbnails/raw.png")),
                Arguments.of("dot in a folder only", "images/v1.2/pic", Optional.of("thumbnails/v1.2/pic.png")),
                Arguments.of("outside images/", "docs/cat.jpg", Optional.empty()),
                Arguments.of("a thumbnail itself (no loop)", "thumbnails/cat.png", Optional.empty()),
                Arguments.of("the folder marker", "images/", Optional.empty()),
                Arguments.of("a sub-folder marker", "images/2024/", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void thumbnailKeys(String label, String key, Optional<String> expected) {
        assertThat(Thumbnails.thumbnailKey(key)).isEqualTo(expected);
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                Arguments.of("landscape", 1000, 500, 128, 128, 64),
                Arguments.of("portrait", 300, 600, 100, 50, 100),
                Arguments.of("small stays as is", 40, 30, 128, 40, 30),
                Arguments.of("very thin keeps 1 pixel", 10000, 10, 100, 100, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void fitKeepsAspectRatio(String label, int w, int h, int max, int ew, int eh) {
        assertThat(Thumbnails.fit(w, h, max)).containsExactly(ew, eh);
    }

    @Test
    void rendersAPngThumbnail() throws Exception {
        Thumbnails.Rendered r = Thumbnails.render(png(400, 200), 128).orElseThrow();
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(r.png()));
        assertThat(back.getWidth()).isEqualTo(128);
        assertThat(back.getHeight()).isEqualTo(64);
        assertThat(r.sourceWidth()).isEqualTo(400);
    }

    @Test
    void bytesThatAreNoImageGiveNothing() {
        assertThat(Thumbnails.render("just text".getBytes(StandardCharsets.UTF_8), 128))
                .isEmpty();
        assertThat(Thumbnails.render(new byte[0], 128)).isEmpty();
    }

    @Test
    void decodesS3NotificationKeys() {
        assertThat(Thumbnails.decodeKey("images/my+cat%C3%A9.png")).isEqualTo("images/my caté.png");
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
