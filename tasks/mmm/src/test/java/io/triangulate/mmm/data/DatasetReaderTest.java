package io.triangulate.mmm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetReaderTest {

  private static final ColumnSpec SPEC = new ColumnSpec("week", "sales", List.of("tv", "search"), List.of("promo"), null);

  private static DatasetReader.Loaded read(String... lines) {
    return DatasetReader.read(CsvTable.parse("spend.csv", List.of(lines)), SPEC);
  }

  @Test
  void readsColumnsByRole() {
    DatasetReader.Loaded loaded = read(
        "\uFEFFweek,sales,tv,search,promo,ignored",
        "2024-01-01,100,10,\"5\",0,x",
        "2024-01-08T00:00:00,120,0,7.5,1,\"a, b\"");
    MmmDataset data = loaded.dataset();
    assertArrayEquals(new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 8)}, data.dates());
    assertArrayEquals(new double[] {100, 120}, data.target(), 0);
    assertArrayEquals(new double[] {10, 0}, data.spend()[0], 0);
    assertArrayEquals(new double[] {5, 7.5}, data.spend()[1], 0);
    assertArrayEquals(new double[] {0, 1}, data.controlValues()[0], 0);
    assertTrue(loaded.issues().isEmpty());
  }

  @Test
  void repairsWhatCanBeRepairedAndSaysSo() {
    DatasetReader.Loaded loaded = read(
        "week,sales,tv,search,promo",
        "2024-01-15,130,,3,",
        "2024-01-01,100,10,-2,0",
        "2024-01-08,120,NA,7,1");
    MmmDataset data = loaded.dataset();
    // Sorted by date; empty and NA spend are 0; negative spend is clamped to 0; empty control is 0.
    assertEquals(LocalDate.of(2024, 1, 1), data.dates()[0]);
    assertArrayEquals(new double[] {10, 0, 0}, data.spend()[0], 0);
    assertArrayEquals(new double[] {0, 7, 3}, data.spend()[1], 0);
    assertArrayEquals(new double[] {0, 1, 0}, data.controlValues()[0], 0);
    List<String> checks = loaded.issues().stream().map(i -> i.check() + ":" + i.column() + ":" + i.count()).sorted().toList();
    assertEquals(List.of("missing:promo:1", "missing:tv:2", "negative_spend:search:1", "order:week:3"), checks);
    DataIssue negative = loaded.issues().stream().filter(i -> i.check().equals("negative_spend")).findFirst().orElseThrow();
    assertEquals("negative on line(s) 3; clamped to 0", negative.detail());
  }

  @Test
  void errorsNameFileLineAndColumn() {
    DataException number = assertThrows(DataException.class, () -> read(
        "week,sales,tv,search,promo", "2024-01-01,100,10,5,0", "2024-01-08,120,ten,5,0"));
    assertEquals("spend.csv:3: column 'tv': cannot read 'ten' as a number", number.getMessage());

    DataException date = assertThrows(DataException.class, () -> read(
        "week,sales,tv,search,promo", "01/08/2024,120,1,5,0"));
    assertEquals("spend.csv:2: column 'week': cannot read '01/08/2024' as a date (expected YYYY-MM-DD; use --date-format for others)",
        date.getMessage());

    DataException column = assertThrows(DataException.class, () -> read("week,sales,tv,promo", "2024-01-01,1,2,0"));
    assertEquals("spend.csv: no column 'search'; the header has week, sales, tv, promo", column.getMessage());

    DataException fields = assertThrows(DataException.class, () -> read("week,sales,tv,search,promo", "2024-01-01,1,2,0"));
    assertEquals("spend.csv:2: expected 5 fields (as in the header), found 4", fields.getMessage());
  }

  @Test
  void refusesToInventTheTargetOrMergeDuplicateDates() {
    DataException target = assertThrows(DataException.class, () -> read(
        "week,sales,tv,search,promo", "2024-01-01,,1,5,0", "2024-01-08,1,1,5,0"));
    assertTrue(target.getMessage().startsWith("spend.csv: target 'sales' is missing on line(s) 2;"), target.getMessage());

    DataException duplicate = assertThrows(DataException.class, () -> read(
        "week,sales,tv,search,promo", "2024-01-01,1,1,5,0", "2024-01-01,2,1,5,0"));
    assertEquals("spend.csv:3: column 'week': date 2024-01-01 repeats line 2; aggregate to one row per period first",
        duplicate.getMessage());

    DataException noSpend = assertThrows(DataException.class, () -> read(
        "week,sales,tv,search,promo", "2024-01-01,1,0,5,0", "2024-01-08,2,0,5,0"));
    assertTrue(noSpend.getMessage().contains("channel 'tv' has no spend in any period"), noSpend.getMessage());
  }

  @Test
  void readsOtherDateFormatsWhenTold() {
    ColumnSpec spec = new ColumnSpec("week", "sales", List.of("tv"), List.of(), "dd/MM/yyyy");
    MmmDataset data = DatasetReader.read(CsvTable.parse("f.csv", List.of("week,sales,tv", "08/01/2024,1,2")), spec).dataset();
    assertEquals(LocalDate.of(2024, 1, 8), data.dates()[0]);
  }

  @Test
  void aColumnCannotPlayTwoRoles() {
    ColumnSpec spec = new ColumnSpec("week", "sales", List.of("tv", "sales"), List.of(), null);
    DataException error = assertThrows(DataException.class,
        () -> DatasetReader.read(CsvTable.parse("f.csv", List.of("week,sales,tv", "2024-01-01,1,2")), spec));
    assertEquals("column(s) [sales] are given more than one role (date, target, channel, control)", error.getMessage());
  }
}
