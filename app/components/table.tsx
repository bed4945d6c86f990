import { Children, cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode, type TableHTMLAttributes } from "react";

type CellProps = { children?: ReactNode; colSpan?: number; "data-label"?: string };
type Element = ReactElement<CellProps>;

/** Calls `fn` on each element among `children`, looking through fragments and arrays. */
function mapElements(children: ReactNode, fn: (element: Element) => ReactNode): ReactNode {
  return Children.map(children, (child) => {
    if (!isValidElement<CellProps>(child)) return child;
    if (child.type === Fragment) return cloneElement(child, {}, mapElements(child.props.children, fn));
    return fn(child);
  });
}

function elementsOf(children: ReactNode): Element[] {
  const found: Element[] = [];
  mapElements(children, (element) => {
    found.push(element);
    return element;
  });
  return found;
}

/** The text a header cell shows (or reads out: visually hidden text counts). */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<CellProps>(node)) return textOf(node.props.children);
  return "";
}

/** The header of each column, from the last row of the table's head (a cell spanning columns heads each). */
function columnLabels(children: ReactNode): string[] {
  const head = elementsOf(children).find((element) => element.type === "thead");
  const row = head
    ? elementsOf(head.props.children)
        .filter((element) => element.type === "tr")
        .at(-1)
    : undefined;
  if (!row) return [];
  return elementsOf(row.props.children)
    .filter((cell) => cell.type === "th" || cell.type === "td")
    .flatMap((cell) => Array<string>(cell.props.colSpan ?? 1).fill(textOf(cell.props.children).replace(/\s+/g, " ").trim()));
}

function labelRow(row: Element, labels: string[]): ReactNode {
  if (row.type !== "tr") return row;
  let column = 0;
  return cloneElement(
    row,
    {},
    mapElements(row.props.children, (cell) => {
      if (cell.type !== "td" && cell.type !== "th") return cell;
      const span = cell.props.colSpan ?? 1;
      const at = column;
      column += span;
      // A row header titles its row; a cell spanning columns (a total) has no one header; a label given stays.
      if (cell.type === "th" || span > 1 || cell.props["data-label"] !== undefined) return cell;
      return cloneElement(cell, { "data-label": labels[at] ?? "" });
    }),
  );
}

/**
 * A data table that, on a narrow screen, reflows into one block per row, each cell under its column's
 * header (CSS `.stacked`, from the `data-label` this component gives every cell). The labels are
 * read from the table's own `<thead>`, so a table is written as plain HTML. Rows drawn by another
 * component are not looked into: give their cells `data-label` yourself.
 */
export function Table({ children, className, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  const labels = columnLabels(children);
  const body = mapElements(children, (part) => {
    if (part.type === "tbody" || part.type === "tfoot")
      return cloneElement(
        part,
        {},
        mapElements(part.props.children, (row) => labelRow(row, labels)),
      );
    return labelRow(part, labels);
  });
  return (
    <table className={className ? `stacked ${className}` : "stacked"} {...rest}>
      {body}
    </table>
  );
}
