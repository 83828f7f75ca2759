package org.nianbao.unit;

import jakarta.ws.rs.Consumes;
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
import org.nianbao.common.Params;
import org.nianbao.unit.UnitViews.NewUnit;
import org.nianbao.unit.UnitViews.RegionView;
import org.nianbao.unit.UnitViews.UnitView;

/** Regions and units: the tree reports are filed against. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

  private final UnitService service;

  public UnitResource(UnitService service) {
    this.service = service;
  }

  @GET
  @Path("/regions/{code}")
  public RegionView region(@PathParam("code") String code) {
    return service.region(code);
  }

  @GET
  @Path("/units/{code}")
  public UnitView unit(@PathParam("code") String code) {
    return service.unit(code);
  }

  @GET
  @Path("/units")
  public Page<UnitView> units(
      @QueryParam("region") String region,
      @QueryParam("kind") String kind,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return service.search(
        region, Params.enumValue("kind", kind, UnitKind.class), Paging.of(page, size));
  }

  @POST
  @Path("/units")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(NewUnit input, UriInfo uri) {
    UnitView created = service.register(input);
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/units/{code}").build(created.code()))
        .entity(created)
        .build();
  }
}
