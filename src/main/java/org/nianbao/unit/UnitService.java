package org.nianbao.unit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nianbao.common.Page;
import org.nianbao.common.Paging;
import org.nianbao.common.ProblemException;
import org.nianbao.common.ProblemException.FieldError;
import org.nianbao.unit.UnitViews.NewUnit;
import org.nianbao.unit.UnitViews.RegionView;
import org.nianbao.unit.UnitViews.UnitView;

/**
 * Reads the region tree and units; registers organs other than people's governments. The tree comes
 * from memory ({@link RegionTree}), and so does a unit once read ({@link UnitRepository#require}).
 */
@ApplicationScoped
public class UnitService {

  private final RegionTree tree;
  private final RegionRepository regions;
  private final UnitRepository units;
  private final RegistrationPolicy access;

  public UnitService(
      RegionTree tree, RegionRepository regions, UnitRepository units, RegistrationPolicy access) {
    this.tree = tree;
    this.regions = regions;
    this.units = units;
    this.access = access;
  }

  public RegionView region(String code) {
    return tree.require(code).view();
  }

  public UnitView unit(String code) {
    return view(units.require(code));
  }

  @Transactional
  public Page<UnitView> search(String regionCode, UnitKind kind, Paging paging) {
    String path = regionCode == null ? null : tree.require(regionCode).path();
    var query = units.search(path, kind);
    long total = query.count();
    List<UnitView> items =
        query.page(paging.index(), paging.size()).list().stream().map(this::view).toList();
    return new Page<>(items, paging.page(), paging.size(), total);
  }

  /**
   * Registers an organ by its 统一社会信用代码 (ADMIN only); people's governments come from the division
   * table.
   */
  @Transactional
  public UnitView register(NewUnit input) {
    access.requireMayRegister();
    if (input == null) {
      throw ProblemException.invalidField("body", "请求体不能为空。", "A unit document is required.");
    }
    List<FieldError> errors = new ArrayList<>();
    String code = input.code() == null ? null : input.code().strip().toUpperCase(Locale.ROOT);
    if (code == null || code.isEmpty()) {
      errors.add(
          new FieldError("code", "code is required (the 18-character 统一社会信用代码)", "统一社会信用代码不能为空。"));
    } else if (!Uscc.isValid(code)) {
      errors.add(
          new FieldError(
              "code",
              "USCC " + code + " has an invalid check character or format (ID-02)",
              "统一社会信用代码" + code + "校验位错误。"));
    }
    String name = input.name() == null ? "" : input.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      errors.add(
          new FieldError("name", "name is required (1–200 characters)", "单位名称不能为空，且不超过200字。"));
    }
    if (input.kind() == null) {
      errors.add(new FieldError("kind", "kind is required", "单位类型不能为空。"));
    } else if (input.kind() == UnitKind.PEOPLES_GOV) {
      errors.add(
          new FieldError(
              "kind",
              "people's governments are registered from the division table under their division code",
              "人民政府按行政区划代码自动登记，无需注册。"));
    }
    Region region = null;
    if (input.regionCode() == null || input.regionCode().isBlank()) {
      errors.add(new FieldError("regionCode", "regionCode is required", "所在行政区划代码不能为空。"));
    } else {
      region = regions.findById(input.regionCode());
      if (region == null) {
        errors.add(
            new FieldError("regionCode", "unknown region " + input.regionCode(), "行政区划代码不存在。"));
      }
    }
    if (input.parentUnit() != null && units.findById(input.parentUnit()) == null) {
      errors.add(new FieldError("parentUnit", "unknown unit " + input.parentUnit(), "上级单位不存在。"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalidFields(errors);
    }
    if (units.findById(code) != null) {
      throw ProblemException.conflict("Unit " + code + " is already registered / 该单位已登记");
    }
    Unit unit = new Unit();
    unit.code = code;
    unit.name = name;
    unit.kind = input.kind();
    unit.region = region;
    unit.parentCode = input.parentUnit();
    units.persist(unit);
    units.flush();
    units.getEntityManager().refresh(unit);
    return view(unit);
  }

  UnitView view(Unit unit) {
    RegionTree.Node region = tree.require(unit.region.code);
    return new UnitView(
        unit.code,
        unit.name,
        unit.kind,
        region.ref(),
        region.lineage(),
        unit.parentCode,
        unit.createdAt);
  }
}
