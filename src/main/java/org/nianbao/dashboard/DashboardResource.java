package org.nianbao.dashboard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.nianbao.common.ProblemException;

/**
 * Serves the read-only dashboard: one page and its fingerprinted assets. It has no data of its own;
 * the page reads the public API like any portal would.
 */
@Path("/")
public class DashboardResource {

  /**
   * Nothing but the service's own files and API: no inline script or style, no framing, no form
   * posts. ECharts draws on canvas and sets element styles through the CSSOM, which style-src does
   * not restrict.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final DashboardAssets assets;

  public DashboardResource(DashboardAssets assets) {
    this.assets = assets;
  }

  @GET
  public Response root() {
    return Response.seeOther(URI.create("/dashboard/")).build();
  }

  /** The page, at /dashboard and /dashboard/ alike (its asset links are absolute). */
  @GET
  @Path("dashboard")
  public Response page() {
    return Response.ok(assets.page(), "text/html; charset=UTF-8")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  @GET
  @Path("dashboard/assets/{name}")
  public Response asset(@PathParam("name") String name) {
    DashboardAssets.Asset asset =
        assets.asset(name).orElseThrow(() -> ProblemException.notFound("dashboard asset", name));
    return Response.ok(asset.bytes(), asset.mediaType())
        .header("Cache-Control", "public, max-age=31536000, immutable")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
