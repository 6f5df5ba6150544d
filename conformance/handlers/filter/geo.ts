/**
 * Geo values in `$filter`: literals in the well-known-text form of the OData ABNF
 * (`geography'SRID=4326;Point(-122.33 47.61)'`, URL Conventions 4.01 §5.1.1.11 and ABNF
 * `geographyPoint` ... `geometryCollection`), stored values in GeoJSON (OData JSON Format 4.01
 * §7.1), and the geo functions `geo.distance`, `geo.length` and `geo.intersects`
 * (URL Conventions 4.01 §5.1.1.11.1 to §5.1.1.11.3). Positions are `[x, y, ...]`: longitude
 * first for geography, as in both WKT and GeoJSON.
 */
export type Position = number[];

export type GeoJson =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString' | 'MultiPoint'; coordinates: Position[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] }
  | { type: 'GeometryCollection'; geometries: GeoJson[] };

export interface Geo {
  /** Geography (round earth, degrees) or geometry (flat plane). */
  geography: boolean;
  srid: number;
  shape: GeoJson;
}

/** The Edm type suffix of each GeoJSON type (`Edm.GeographyPoint`, `Edm.GeometryCollection`). */
const EDM_KIND: Record<GeoJson['type'], string> = {
  Point: 'Point',
  LineString: 'LineString',
  Polygon: 'Polygon',
  MultiPoint: 'MultiPoint',
  MultiLineString: 'MultiLineString',
  MultiPolygon: 'MultiPolygon',
  GeometryCollection: 'Collection',
};

export function edmGeoType(geo: Geo): string {
  return `Edm.${geo.geography ? 'Geography' : 'Geometry'}${EDM_KIND[geo.shape.type]}`;
}

export function isGeoType(type: string): boolean {
  return /^Edm\.(Geography|Geometry)/.test(type);
}

/** Reading a geo literal or GeoJSON value failed; the message says why. */
export class GeoError extends Error {}

/**
 * `SRID=4326;Point(1 2)` (the text between the quotes of a `geography'...'` literal). The SRID is
 * required, as the ABNF's `sridLiteral` is; spaces around the parentheses and commas are
 * tolerated, since clients write `POINT (1 2)` too.
 */
export function readWkt(text: string, geography: boolean): Geo {
  const srid = /^SRID=(\d{1,5});/i.exec(text);
  if (!srid) throw new GeoError(`a ${geography ? 'geography' : 'geometry'} literal starts with SRID=<number>; (OData ABNF sridLiteral)`);
  const reader = new WktReader(text, srid[0].length);
  const shape = reader.shape();
  reader.end();
  return { geography, srid: Number(srid[1]), shape };
}

class WktReader {
  constructor(
    private readonly text: string,
    private at: number,
  ) {}

  shape(): GeoJson {
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.skipSpace()))?.[0] ?? '';
    this.at += name.length;
    switch (name.toLowerCase()) {
      case 'point':
        return { type: 'Point', coordinates: this.group(() => this.position()) };
      case 'linestring':
        return { type: 'LineString', coordinates: this.lineString() };
      case 'polygon':
        return { type: 'Polygon', coordinates: this.polygon() };
      case 'multipoint':
        return { type: 'MultiPoint', coordinates: this.list(() => this.group(() => this.position()), 0) };
      case 'multilinestring':
        return { type: 'MultiLineString', coordinates: this.list(() => this.lineString(), 0) };
      case 'multipolygon':
        return { type: 'MultiPolygon', coordinates: this.list(() => this.polygon(), 0) };
      case 'collection':
        return { type: 'GeometryCollection', geometries: this.list(() => this.shape(), 1) };
      default:
        throw this.error(`expected Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or Collection`);
    }
  }

  end(): void {
    if (this.skipSpace() < this.text.length) throw this.error('unexpected text after the shape');
  }

  private lineString(): Position[] {
    return this.list(() => this.position(), 2);
  }

  /** Rings of four positions at least, each closed (its last position is its first). */
  private polygon(): Position[][] {
    return this.list(() => {
      const start = this.at;
      const ring = this.group(() => this.commaSeparated(() => this.position()));
      if (ring.length < 4 || ring[0]!.some((value, index) => value !== ring.at(-1)![index])) {
        this.at = start;
        throw this.error('a polygon ring has four positions at least and ends where it starts');
      }
      return ring;
    }, 1);
  }

  /** `(item, item, ...)` with at least `min` items. */
  private list<T>(item: () => T, min: number): T[] {
    const items = this.group(() => (this.peek() === ')' ? [] : this.commaSeparated(item)));
    if (items.length < min) throw this.error(`expected ${min} or more items`);
    return items;
  }

  private commaSeparated<T>(item: () => T): T[] {
    const items = [item()];
    while (this.peek() === ',') {
      this.at++;
      items.push(item());
    }
    return items;
  }

  private group<T>(inner: () => T): T {
    this.expect('(');
    const value = inner();
    this.expect(')');
    return value;
  }

  /** Two to four numbers separated by spaces: x y [z [m]]. */
  private position(): Position {
    const match = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?: +(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)){1,3}/.exec(this.text.slice(this.skipSpace()));
    if (!match) throw this.error('expected a position: two to four numbers separated by spaces');
    this.at += match[0].length;
    return match[0].split(/ +/).map(Number);
  }

  private expect(char: string): void {
    if (this.peek() !== char) throw this.error(`expected '${char}'`);
    this.at++;
  }

  private peek(): string | undefined {
    return this.text[this.skipSpace()];
  }

  private skipSpace(): number {
    while (this.text[this.at] === ' ') this.at++;
    return this.at;
  }

  private error(message: string): GeoError {
    return new GeoError(`${message} at character ${this.at + 1} of '${this.text}'`);
  }
}

/**
 * A stored GeoJSON value of `type` (`Edm.GeographyPoint`, or the abstract `Edm.Geography`). Its
 * SRID is the `crs` member's `EPSG:n` where there is one, else the default of OData's CSDL
 * (4326 for geography, 0 for geometry; CSDL 4.01 §3.3.4 SRID).
 */
export function readGeoJson(type: string, json: unknown): Geo | undefined {
  if (typeof json !== 'object' || json === null || typeof (json as { type?: unknown }).type !== 'string') return undefined;
  const shape = json as GeoJson & { crs?: { properties?: { name?: unknown } } };
  if (!(shape.type in EDM_KIND)) return undefined;
  const geography = type.startsWith('Edm.Geography');
  const epsg = /EPSG:{1,2}(\d+)$/i.exec(String(shape.crs?.properties?.name ?? ''));
  return { geography, srid: epsg ? Number(epsg[1]) : geography ? 4326 : 0, shape };
}

/** The mean earth radius of IUGG in metres; OData does not name an ellipsoid, a sphere is within 0.5% of WGS 84. */
const EARTH_RADIUS = 6_371_008.8;

/** Metres on a sphere (haversine) for geography, the plane's distance for geometry. */
function span(a: Position, b: Position, geography: boolean): number {
  if (!geography) return Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!);
  const radians = Math.PI / 180;
  const [lon1, lat1, lon2, lat2] = [a[0]! * radians, a[1]! * radians, b[0]! * radians, b[1]! * radians];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Both values in one coordinate reference system, else why not. */
function sameSystem(a: Geo, b: Geo, name: string): void {
  if (a.geography !== b.geography) throw new GeoError(`${name} cannot combine a geography value with a geometry value`);
  if (a.srid !== b.srid) throw new GeoError(`${name} cannot combine SRID ${a.srid} with SRID ${b.srid}`);
}

/** `geo.distance(point, point)`: the shortest distance between two points (§5.1.1.11.1). */
export function geoDistance(a: Geo, b: Geo): number {
  if (a.shape.type !== 'Point' || b.shape.type !== 'Point') throw new GeoError(`geo.distance takes two points, not ${a.shape.type} and ${b.shape.type}`);
  sameSystem(a, b, 'geo.distance');
  return span(a.shape.coordinates, b.shape.coordinates, a.geography);
}

/** `geo.length(linestring)`: the total length of its segments (§5.1.1.11.3). */
export function geoLength(line: Geo): number {
  if (line.shape.type !== 'LineString') throw new GeoError(`geo.length takes a LineString, not ${line.shape.type}`);
  const positions = line.shape.coordinates;
  let total = 0;
  for (let index = 1; index < positions.length; index++) total += span(positions[index - 1]!, positions[index]!, line.geography);
  return total;
}

/**
 * `geo.intersects(point, polygon)`: whether the point lies in the polygon's interior or on its
 * boundary (§5.1.1.11.2); holes (rings after the first) exclude their interior. Geography
 * polygons are tested on longitude and latitude as a plane: exact for the small areas mock data
 * holds, not for polygons that span a pole or the antimeridian.
 */
export function geoIntersects(a: Geo, b: Geo): boolean {
  const [point, polygon] = a.shape.type === 'Point' ? [a, b] : [b, a];
  if (point.shape.type !== 'Point' || polygon.shape.type !== 'Polygon') {
    throw new GeoError(`geo.intersects takes a point and a polygon, not ${a.shape.type} and ${b.shape.type}`);
  }
  sameSystem(point, polygon, 'geo.intersects');
  const position = point.shape.coordinates;
  const [outer, ...holes] = polygon.shape.coordinates;
  if (onBoundary(position, outer!) || holes.some((hole) => onBoundary(position, hole))) return true;
  return inside(position, outer!) && !holes.some((hole) => inside(position, hole));
}

/** Ray casting over the ring's edges. */
function inside([x, y]: Position, ring: Position[]): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

function onBoundary([x, y]: Position, ring: Position[]): boolean {
  for (let index = 1; index < ring.length; index++) {
    const [x1, y1] = ring[index - 1] as [number, number];
    const [x2, y2] = ring[index] as [number, number];
    const cross = (x! - x1) * (y2 - y1) - (y! - y1) * (x2 - x1);
    if (Math.abs(cross) < 1e-12 && x! >= Math.min(x1, x2) && x! <= Math.max(x1, x2) && y! >= Math.min(y1, y2) && y! <= Math.max(y1, y2)) return true;
  }
  return false;
}
