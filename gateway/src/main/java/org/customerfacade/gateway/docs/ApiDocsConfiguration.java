package org.customerfacade.gateway.docs;

import java.time.Duration;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.webjars.WebJarVersionLocator;
import reactor.core.publisher.Mono;

/**
 * Serves the hand-written spec and an interactive API page (Swagger UI) that renders it. These
 * routes come before the gateway's routes, and consumer authentication runs only on the gateway's
 * routes, so no token is needed here. That is intended, because these paths return documentation
 * and no customer data. Only the paths listed here are served, and any other path outside the
 * gateway's routes ends in the gateway's 404 problem.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

  /** Path of the interactive API page. */
  public static final String PAGE_PATH = "/docs";

  /** Path of the spec, unchanged from the api-spec module. */
  public static final String SPEC_PATH = "/openapi/customer-api.yaml";

  static final String INITIALIZER_PATH = "/docs/swagger-initializer.js";

  static final String SWAGGER_UI_PATH = "/docs/swagger-ui/";

  /** Files of the Swagger UI webjar that the page loads. Its demo index.html is not among them. */
  static final Set<String> SWAGGER_UI_FILES =
      Set.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-16x16.png", "favicon-32x32.png");

  /**
   * Lets the page load scripts, styles and data only from the gateway, so it fetches nothing from
   * another host, and "Try it out" can call only the gateway. Swagger UI sets inline styles and
   * uses data: images for its icons.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

  private static final MediaType JAVASCRIPT =
      MediaType.parseMediaType("text/javascript;charset=UTF-8");

  @Bean
  RouterFunction<ServerResponse> apiDocsRoutes() {
    String swaggerUiFolder = swaggerUiFolder();
    return RouterFunctions.route()
        .GET(PAGE_PATH, request -> file("docs/index.html", MediaType.TEXT_HTML))
        .GET(INITIALIZER_PATH, request -> file("docs/swagger-initializer.js", JAVASCRIPT))
        .GET(SPEC_PATH, request -> file("openapi/customer-api.yaml", YAML))
        .GET(
            SWAGGER_UI_PATH + "{file}",
            request -> swaggerUiFile(swaggerUiFolder, request.pathVariable("file")))
        .build();
  }

  private static Mono<ServerResponse> file(String classpathLocation, MediaType type) {
    return ok().contentType(type)
        .cacheControl(CacheControl.noCache())
        .body(BodyInserters.fromResource(new ClassPathResource(classpathLocation)));
  }

  private static Mono<ServerResponse> swaggerUiFile(String folder, String name) {
    if (!SWAGGER_UI_FILES.contains(name)) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    Resource resource = new ClassPathResource(folder + name);
    // A new Swagger UI version changes the files under the same URLs, so browsers check again
    // after an hour.
    return ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .body(BodyInserters.fromResource(resource));
  }

  private static ServerResponse.BodyBuilder ok() {
    return ServerResponse.ok()
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff");
  }

  /** Returns the classpath folder of the Swagger UI webjar, which is named by its version. */
  private static String swaggerUiFolder() {
    String bundle = new WebJarVersionLocator().fullPath("swagger-ui", "swagger-ui-bundle.js");
    if (bundle == null) {
      throw new IllegalStateException(
          "The org.webjars:swagger-ui jar is not on the classpath, so /docs cannot be served.");
    }
    return bundle.substring(0, bundle.lastIndexOf('/') + 1);
  }
}
