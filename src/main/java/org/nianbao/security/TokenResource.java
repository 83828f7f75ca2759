package org.nianbao.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.security.TokenViews.CreatedToken;
import org.nianbao.security.TokenViews.NewToken;
import org.nianbao.security.TokenViews.TokenView;

/** API tokens: created, listed and revoked by an administrator. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

  private final TokenService service;

  public TokenResource(TokenService service) {
    this.service = service;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewToken input, UriInfo uri) {
    CreatedToken created = service.create(input);
    return Response.created(uri.getBaseUriBuilder().path("api/v1/tokens/{id}").build(created.id()))
        .header("Cache-Control", "no-store")
        .entity(created)
        .build();
  }

  @GET
  public Page<TokenView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(Paging.of(page, size));
  }

  @DELETE
  @Path("/{id}")
  public void revoke(@PathParam("id") String id) {
    service.revoke(id);
  }
}
