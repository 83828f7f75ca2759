package org.nianbao.importing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.nianbao.common.Csv;
import org.nianbao.common.Params;
import org.nianbao.common.ProblemException;

/** Batch imports: a zip or multipart body of published documents, read in the background. */
@Path("/api/v1/imports/batches")
public class ImportBatchResource {

  private final ImportBatchService batches;

  public ImportBatchResource(ImportBatchService batches) {
    this.batches = batches;
  }

  @POST
  @Consumes("application/zip")
  @Produces(MediaType.APPLICATION_JSON)
  public Response createFromZip(
      byte[] body, @QueryParam("submit") String submit, @Context UriInfo uri) {
    boolean doSubmit = Boolean.TRUE.equals(Params.optionalBoolean("submit", submit));
    return accepted(batches.create(BatchArchive.unzip(body), doSubmit), uri);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  public Response createFromParts(
      @RestForm(FileUpload.ALL) List<FileUpload> files,
      @QueryParam("submit") String submit,
      @Context UriInfo uri) {
    boolean doSubmit = Boolean.TRUE.equals(Params.optionalBoolean("submit", submit));
    List<FileUpload> uploads = files == null ? List.of() : files;
    BatchArchive.checkCount(uploads.size());
    List<BatchArchive.Entry> entries = new ArrayList<>(uploads.size());
    for (FileUpload f : uploads) {
      try {
        entries.add(
            BatchArchive.part(f.fileName(), f.contentType(), Files.readAllBytes(f.uploadedFile())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return accepted(batches.create(entries, doSubmit), uri);
  }

  @GET
  @Path("{id}")
  @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
  public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
    ImportBatchView view = batches.view(parse(id));
    return Csv.wanted(headers)
        ? Response.ok(view.csv(), Csv.MEDIA_TYPE).build()
        : Response.ok(view).build();
  }

  @GET
  @Path("{id}/summary.csv")
  @Produces(Csv.MEDIA_TYPE)
  public Response summary(@PathParam("id") String id) {
    return Response.ok(batches.view(parse(id)).csv(), Csv.MEDIA_TYPE).build();
  }

  private Response accepted(UUID id, UriInfo uri) {
    return Response.accepted(batches.view(id))
        .location(uri.getBaseUriBuilder().path("api/v1/imports/batches/{id}").build(id))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("import batch", id);
    }
  }
}
